package mn.registry.standalone.browser;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/**
 * A browser test class: the lifecycle every browser test shares, in one place. Before the class: the registry (the one
 * shared by the run, {@link BrowserRegistry#get()}, or with {@link #ownRegistry()} one of its own whose demo people hold
 * ten-year certificates) and a headless Chromium of the given size, set into the class's static fields of type
 * {@link BrowserRegistry} and {@link Browser}. Before each test: the console errors of earlier tests are forgotten. A
 * failed test leaves a screenshot {@code failed-<class>-<test>.png} when {@code -Dscreenshots=DIR} is given. After the
 * class: the browser is closed (and its own registry stopped). Every page a test opens through {@link Browser#open} is
 * checked by axe (in each distinct state once a test JVM: ADR 0074).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(BrowserTest.Lifecycle.class)
@interface BrowserTest {

    /** The window's width in CSS pixels (under 500: a phone's screen, emulated). */
    int width() default 1280;

    int height() default 1000;

    /** A registry of the class's own, for a test that moves the demo clock years ahead. */
    boolean ownRegistry() default false;

    final class Lifecycle implements BeforeAllCallback, BeforeEachCallback, TestWatcher {

        private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Lifecycle.class);

        /** The class's registry and browser, closed by JUnit after the class. */
        private record Started(BrowserRegistry registry, Browser browser, boolean ownRegistry) implements ExtensionContext.Store.CloseableResource {
            @Override
            public void close() {
                browser.close();
                if (ownRegistry) {
                    registry.context.close();
                }
            }
        }

        @Override
        public void beforeAll(ExtensionContext context) throws IllegalAccessException {
            Class<?> testClass = context.getRequiredTestClass();
            BrowserTest settings = testClass.getAnnotation(BrowserTest.class);
            BrowserRegistry registry = settings.ownRegistry() ? BrowserRegistry.ownWithLongLivedPeople() : BrowserRegistry.get();
            Started started = new Started(registry, new Browser(registry, settings.width(), settings.height()), settings.ownRegistry());
            context.getStore(NAMESPACE).put(testClass, started);
            for (Field field : testClass.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) && (field.getType() == BrowserRegistry.class || field.getType() == Browser.class)) {
                    field.setAccessible(true);
                    field.set(null, field.getType() == Browser.class ? started.browser() : started.registry());
                }
            }
        }

        @Override
        public void beforeEach(ExtensionContext context) {
            started(context).browser().consoleErrors();
        }

        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            try {
                started(context).browser().screenshot("failed-" + context.getRequiredTestClass().getSimpleName() + "-"
                        + context.getRequiredTestMethod().getName());
            } catch (RuntimeException e) {
                cause.addSuppressed(e);
            }
        }

        private static Started started(ExtensionContext context) {
            return context.getStore(NAMESPACE).get(context.getRequiredTestClass(), Started.class);
        }
    }
}

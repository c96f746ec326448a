package mn.registry.standalone.browser;

import mn.registry.infrastructure.time.RegistryClock;
import mn.registry.kernel.freezone.Jurisdiction;
import mn.registry.kernel.freezone.LegalEntity;
import mn.registry.kernel.freezone.RegistrationId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 27, Free Zone round 27 (abuse audit F439, was O259's second half; ADR 0035 item 90): a court's dissolution recorded in one zone that
 * the other zone's governor leaves unrecorded past its last day is escalated onto the Cabinet member's desk, in either language. A registry
 * of its own: the test moves the clock past the duty's last day.
 */
@BrowserTest(ownRegistry = true)
class CourtDecisionsEscalatedBrowserTest {

    private static BrowserRegistry registry;
    private static Browser browser;

    static final LegalEntity LEFT_UNRECORDED = new LegalEntity("Orkhon Left Unrecorded LLC", Jurisdiction.MONGOLIAN, null, "6207795");

    private static boolean dutyRaised(RegistrationId registration) {
        String governor = registry.client.signIn("governor-zamyn-uud");
        return registry.client.get("/api/governor/zones/zamyn-uud/court-decisions", governor).body().toString()
                .contains("\"registrationId\":\"" + registration.value() + "\"");
    }

    @Test
    @DisplayName("003 art. 8.7, 12.5.3 (ADR 0035 item 90; F439, was O259): the Cabinet member's desk lists, in either language, a court decision "
            + "recorded in Altanbulag that the Zamyn-Uud governor left unrecorded past its last day, once the deadline service escalated it; "
            + "not while its business days run")
    void the_cabinet_member_sees_the_court_decisions_left_unrecorded() {
        RegistrationId[] registrations = GovernorDeskBrowserTest.dissolvedInAltanbulagAndRegisteredInZamynUud(registry, LEFT_UNRECORDED,
                "Orkhon civil court 2026/61");
        BrowserRegistry.await("the duty raised in Zamyn-Uud", () -> dutyRaised(registrations[1]));
        String item = "#court-decisions-escalated li[data-registration='" + registrations[1].value() + "']";
        browser.signInAsDemo("cabinet-1");
        browser.open("/cabinet", "en");
        assertThat(browser.all(item)).as("its business days still run").isEmpty();
        assertThat(browser.find("main").getText()).contains("Court decisions a zone's governor left unrecorded past the last day");
        browser.signOut();

        registry.context.getBean(RegistryClock.class).advance(Duration.ofDays(10));
        browser.signInAsDemo("cabinet-1");
        browser.waitUntil("the escalation reaches the Cabinet member's desk", d -> {
            browser.open("/cabinet", "en");
            return !browser.all(item).isEmpty();
        });
        assertThat(browser.find(item).getText()).contains("Zamyn-Uud").contains(LEFT_UNRECORDED.name()).contains("Altanbulag")
                .contains("Orkhon civil court 2026/61").contains("not recorded in").contains("Escalated");
        assertThat(browser.find(item).getAttribute("data-zone")).isEqualTo("zamyn-uud");
        browser.open("/cabinet", "mn");
        assertThat(browser.find(item).getText()).contains(LEFT_UNRECORDED.name()).contains("Orkhon civil court 2026/61").contains("бүртгээгүй")
                .contains("Шилжүүлсэн");
        assertThat(browser.find("main").getText()).contains("эцсийн хугацаанд бүртгээгүй шүүхийн шийдвэр");
        browser.signOut();
    }
}

package mn.registry.keystore;

import mn.registry.kernel.pki.Bc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.Function;

/**
 * The password of the registry's PKCS#12 keystore: from the environment variable {@value #VARIABLE}, or (demo mode
 * only) from {@code <dataDir>/keys/}{@value #FILE}, generated on first use with mode 0600. A registry that is not in
 * demo mode refuses to open its keys without the variable. The password never shows in {@link #toString()}.
 */
public final class KeystorePassword {

    public static final String VARIABLE = "REGISTRY_KEYSTORE_PASSWORD";
    public static final String FILE = "keystore.password";

    /** Where the password came from, for the start-up log (never the password itself). */
    public enum Source { ENVIRONMENT, DEMO_FILE, DEMO_FILE_GENERATED }

    private final char[] value;
    private final Source source;
    private final Path file;

    private KeystorePassword(char[] value, Source source, Path file) {
        this.value = value.clone();
        this.source = source;
        this.file = file;
    }

    /**
     * The password: {@value #VARIABLE} when set; else, if {@code demo}, the demo password file (created with a fresh
     * random password when missing); else an {@link IllegalStateException} saying what to set.
     */
    public static KeystorePassword resolve(Path dataDir, boolean demo, Function<String, String> environment) throws IOException {
        String fromEnvironment = environment.apply(VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return new KeystorePassword(fromEnvironment.toCharArray(), Source.ENVIRONMENT, null);
        }
        Path file = dataDir.resolve("keys").resolve(FILE);
        if (!demo) {
            throw new IllegalStateException("the registry's keystore needs a password: set the environment variable " + VARIABLE
                    + " (outside demo mode no password file is used)");
        }
        if (Files.exists(file)) {
            return new KeystorePassword(Files.readString(file, StandardCharsets.US_ASCII).strip().toCharArray(), Source.DEMO_FILE, file);
        }
        byte[] random = new byte[24];
        Bc.RANDOM.nextBytes(random);
        String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        OwnerOnly.createDirectories(file.getParent());
        KeyFiles.writePrivate(file, generated + "\n");
        return new KeystorePassword(generated.toCharArray(), Source.DEMO_FILE_GENERATED, file);
    }

    /** A given password (tests, tools that ask for it). */
    public static KeystorePassword of(char[] value) {
        return new KeystorePassword(value, Source.ENVIRONMENT, null);
    }

    /** A copy of the password. */
    public char[] value() {
        return value.clone();
    }

    public Source source() {
        return source;
    }

    /** The demo password file, or {@code null} when the password came from the environment. */
    public Path file() {
        return file;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeystorePassword p && Arrays.equals(value, p.value);
    }

    @Override
    public int hashCode() {
        return 1;
    }

    @Override
    public String toString() {
        return "KeystorePassword[" + source + "]";
    }
}

package mn.registry.standalone;

import mn.registry.infrastructure.keys.KeysConfiguration;
import mn.registry.keystore.KeystorePassword;
import mn.registry.keystore.RegistryKeys;
import mn.registry.store.mongo.RegistryMongo;
import mn.registry.store.mongo.StoreVerifier;
import mn.registry.store.mongo.VerificationReport;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code verify-store}: walks the whole event store and checks every seal, every link of every
 * aggregate's hash chain and the gaplessness of positions; names the first break. Exit code 0 when
 * the store is intact, 1 when it is not, 2 on a usage or access error.
 */
final class VerifyStoreCli {

    private VerifyStoreCli() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Path dataDir = Path.of("data");
        String database = "registry";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data-dir" -> dataDir = Path.of(value(args, ++i));
                case "--database" -> database = value(args, ++i);
                default -> {
                    err.println("verify-store: unknown option " + args[i] + " (options: --data-dir DIR, --database NAME)");
                    return 2;
                }
            }
        }
        String uri = System.getenv("MONGODB_URI");
        try {
            boolean demoPasswordFile = java.nio.file.Files.exists(dataDir.resolve("keys").resolve(KeystorePassword.FILE));
            RegistryKeys keys = RegistryKeys.open(dataDir, KeystorePassword.resolve(dataDir, demoPasswordFile, System::getenv));
            byte[] sealKey = keys.seal().publicKey();
            out.println("Checking the event store " + (uri == null || uri.isBlank() ? "under " + dataDir.toAbsolutePath().normalize() : "at MONGODB_URI")
                    + " with the seal key " + KeysConfiguration.keyId(sealKey) + " ...");
            try (RegistryMongo mongo = RegistryMongo.open(uri, dataDir)) {
                Map<String, byte[]> sealKeys = new java.util.HashMap<>(KeysConfiguration.retiredSealKeys(keys));
                sealKeys.put(KeysConfiguration.keyId(sealKey), sealKey);
                VerificationReport report = new StoreVerifier(mongo.client().getDatabase(database), sealKeys).verify();
                out.println(report);
                return report.ok() ? 0 : 1;
            }
        } catch (Exception e) {
            err.println("verify-store: " + e.getMessage());
            err.println("(the embedded database can be checked only while the registry is stopped; with MONGODB_URI it can run at any time)");
            return 2;
        }
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException("option " + args[i - 1] + " needs a value");
        }
        return args[i];
    }
}

package mn.registry.keystore;


import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * For tests whose demo clock runs a whole permit term (five years): the demo people are created before the registry's
 * first start with certificates valid ten years instead of two, so they can still sign at the moved time of receipt
 * (ADR 0013 §1: the certificate is valid at receipt). The registry finds them and enrols them as usual.
 */
public final class LongLivedDemoPeople {

    private LongLivedDemoPeople() {
    }

    public static void create(Path dataDir) throws IOException {
        RegistryKeys keys = RegistryKeys.openOrCreate(dataDir, KeystorePassword.resolve(dataDir, true, System::getenv), Clock.systemUTC());
        Instant from = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (DemoPerson person : DemoPeople.ALL) {
            SigningIdentities.write(keys.ca().newPerson(person.id(), person.displayName(), person.organization(), from.minus(RegistryKeys.BACKDATE),
                    RegistryKeys.years(from, 10)), DemoPeople.directory(dataDir).resolve(person.id().value()));
        }
    }
}

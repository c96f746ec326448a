package mn.registry.keystore;

import mn.registry.kernel.pki.Certificates;
import mn.registry.kernel.pki.CertificateAuthority;
import mn.registry.kernel.pki.SigningIdentity;

import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The demo people of issue 3 (one per actor of domain-rules §1, two governors) and their keys under
 * {@code <dataDir>/keys/people/<personId>/} ({@code key.pem} 0600, {@code cert.pem} = own certificate
 * then the CA's). Certificates are issued by the registry's demo CA, valid two years from creation.
 */
public final class DemoPeople {

    public static final String MINISTRY = "Ministry of Digital Development, Innovation and Communications";

    /** The state registration numbers of the demo's two applicant companies (002 art. 25.1.1), each named by its representative's grant. */
    public static final String TENGER_TRUST = "9011223";
    public static final String KHAN_SIGN = "9055667";

    /** The public list the command side enrols by events at first start. */
    public static final List<DemoPerson> ALL = List.of(
            new DemoPerson(new PersonId("reviewer-1"), "Батбаяр Дорж", Role.MINISTRY_REVIEWER, null, MINISTRY),
            new DemoPerson(new PersonId("supervisor-1"), "Оюунчимэг Ганбаатар", Role.MINISTRY_SUPERVISOR, null, MINISTRY),
            // a second supervisor: a complaint against a revocation is decided by another supervisor than its signer (002 art. 29.6, ADR 0046 item 10)
            new DemoPerson(new PersonId("supervisor-2"), "Ариунаа Лхагвасүрэн", Role.MINISTRY_SUPERVISOR, null, MINISTRY),
            // each demo company has a representative of its own, whose grant names it (002 art. 23.2; ADR 0061 item 58, F540)
            new DemoPerson(new PersonId("applicant-1"), "Тэмүүлэн Болд", Role.APPLICANT, null, "Tenger Trust LLC", TENGER_TRUST),
            new DemoPerson(new PersonId("applicant-khan-sign"), "Солонго Ганхуяг", Role.APPLICANT, null, "Khan Sign LLC", KHAN_SIGN),
            new DemoPerson(new PersonId("inspector-1"), "Энхжаргал Сүхбаатар", Role.COMMUNICATIONS_INSPECTOR, null,
                    "Communications Regulatory Commission"),
            new DemoPerson(new PersonId("tax-officer-1"), "Мөнхбат Цэрэн", Role.TAX_OFFICER, null,
                    "General Department of Taxation"),
            new DemoPerson(new PersonId("cabinet-1"), "Сарангэрэл Нямдорж", Role.CABINET_MEMBER, null,
                    "Government of Mongolia"),
            new DemoPerson(new PersonId("governor-altanbulag"), "Ганзориг Батсүх", Role.ZONE_GOVERNOR, "altanbulag",
                    "Altanbulag Free Zone Governor's Office"),
            new DemoPerson(new PersonId("governor-zamyn-uud"), "Номин Эрдэнэ", Role.ZONE_GOVERNOR, "zamyn-uud",
                    "Zamyn-Uud Free Zone Governor's Office"));

    static final int VALIDITY_YEARS = 2;

    private DemoPeople() {
    }

    public static Optional<DemoPerson> find(PersonId id) {
        return ALL.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** {@code <dataDir>/keys/people}. */
    public static Path directory(Path dataDir) {
        return dataDir.resolve("keys").resolve("people");
    }

    /**
     * Every demo person's signing identity, in the order of {@link #ALL}; keys and certificates of those
     * not yet in the data directory are created (by the registry's CA, from the clock's now).
     */
    public static Map<PersonId, SigningIdentity> openOrCreate(Path dataDir, RegistryKeys keys, Clock clock) throws IOException {
        Path people = directory(dataDir);
        return KeyDirectoryLock.holding(keys.directory(), () -> {
            Map<PersonId, SigningIdentity> identities = new LinkedHashMap<>();
            for (DemoPerson person : ALL) {
                Path home = people.resolve(person.id().value());
                if (!Files.exists(home)) {
                    create(person, home, keys.ca(), clock.instant());
                }
                identities.put(person.id(), SigningIdentities.fromDirectory(home));
            }
            return identities;
        });
    }

    /** The signing identity stored for a person (demo or not) under {@code <dataDir>/keys/people/<id>/}. */
    public static SigningIdentity load(Path dataDir, PersonId id) throws IOException {
        return SigningIdentities.fromDirectory(directory(dataDir).resolve(id.value()));
    }

    /** The person ids that have a directory under {@code <dataDir>/keys/people/}, sorted. */
    public static List<String> stored(Path dataDir) throws IOException {
        Path people = directory(dataDir);
        if (!Files.isDirectory(people)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(people)) {
            return entries.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(name -> !name.startsWith(".")).sorted().toList();
        }
    }

    private static void create(DemoPerson person, Path home, CertificateAuthority ca, Instant now) throws IOException {
        Instant from = now.truncatedTo(ChronoUnit.SECONDS);
        SigningIdentity identity = ca.newPerson(person.id(), person.displayName(), person.organization(),
                from.minus(RegistryKeys.BACKDATE), RegistryKeys.years(from, VALIDITY_YEARS));
        Path staging = home.resolveSibling("." + person.id().value() + ".new");
        if (Files.exists(staging)) {
            try (Stream<Path> leftovers = Files.list(staging)) {
                for (Path leftover : leftovers.toList()) {
                    Files.delete(leftover);
                }
            }
            Files.delete(staging);
        }
        SigningIdentities.write(identity, staging);
        Files.move(staging, home);
    }
}

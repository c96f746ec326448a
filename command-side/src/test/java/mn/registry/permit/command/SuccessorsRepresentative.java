package mn.registry.permit.command;

import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.identity.RoleGranted;
import mn.registry.kernel.permit.Company;

import java.time.Instant;
import java.util.List;

/**
 * The successor's representative a transfer names (002 art. 23.3; ADR 0046 items 142, 144; abuse audit F516, was O360): since a transfer
 * received now must name one, every test that transfers names {@link #of(Company)}, a person {@link Signed.Services} knows to hold
 * {@code APPLICANT} for that successor (granted long before any test's receipt, naming the successor's registration number), so the
 * tests need no set-up of their own. A test of the representative's own rules ({@code PermitAbuseRound30TransferTest}) grants its own.
 */
final class SuccessorsRepresentative {

    private static final String PREFIX = "representative-of-";
    private static final Instant GRANTED = Instant.parse("2000-01-01T00:00:00Z");

    private SuccessorsRepresentative() {
    }

    /** The successor's representative, holding APPLICANT for {@code successor} (its registration number named on the grant). */
    static PersonId of(Company successor) {
        return of(successor.registrationNumber());
    }

    /** The successor's representative, holding APPLICANT for the company registered under {@code registrationNumber}. */
    static PersonId of(String registrationNumber) {
        PersonId person = new PersonId(PREFIX + registrationNumber.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "-"));
        COMPANIES.put(person, registrationNumber);
        return person;
    }

    /** The registration number each person {@link #of(String)} named represents (a foreign number is not a person id's form). */
    private static final java.util.Map<PersonId, String> COMPANIES = new java.util.concurrent.ConcurrentHashMap<>();

    /** The grant {@link #of(Company)}'s person holds (none for another person). */
    static List<RoleGranted> grantsOf(PersonId person) {
        String company = COMPANIES.get(person);
        if (company == null) {
            return List.of();
        }
        return List.of(new RoleGranted(person, Role.APPLICANT, null, GRANTED, PermitLifecycleTest.SUPERVISOR, "power of representation",
                "5b".repeat(32), company));
    }
}

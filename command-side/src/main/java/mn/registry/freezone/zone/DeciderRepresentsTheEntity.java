package mn.registry.freezone.zone;

import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.problem.RegistryProblem;

import java.time.Instant;

/**
 * 003 art. 12.2, 22.2; 001 art. 23.1.1 (ADR 0035 item 110, the lead's reading, <b>choice</b>; abuse audit F532, was O378): an official
 * decides an entity's acts as the registry's official, not as the entity. The "decider is not the applicant" rules
 * ({@code ZoneRegistration.deciderIsNotTheApplicant}, {@code ZoneLand.deciderIsNotTheApplicant},
 * {@code ZoneLand.actorIsNotTheHoldersRepresentative}) compare the official with the person who signed the entity's application; since
 * ADR 0061 item 44 a representative's grant of the applicant's role names the company they represent, and since ADR 0035 item 103 a
 * representative whose grant names the entity acts for it without having applied. An official whose grant in force at the registry's
 * receipt ({@code CommandContext.company}) names the entity's Mongolian state registration number is its representative: they do not
 * decide its zone registration, its land application, its fee's certificate or its exemption, nor record or remove its acts (which revoke
 * its land rights, 22.6). A grant ended before the receipt, or naming another company, names nothing here. A foreign entity has no such
 * number: the rules of the person who applied alone apply to it.
 */
public final class DeciderRepresentsTheEntity {

    /** The refusal's code. */
    public static final String CODE = "freezone.decider-represents-the-entity";
    /** The articles the refusal cites. */
    public static final String ARTICLE = "003 art. 12.2, 22.2; 001 art. 23.1.1";

    private DeciderRepresentsTheEntity() {
    }

    /**
     * Refuses (403 {@link #CODE}, on {@code field}) an act on {@code entity} by {@code official} whose grant of the applicant's role in force at
     * {@code receivedAt} names {@code officialsCompany} (null: none) when that is the entity's Mongolian state registration number.
     */
    public static void deciderDoesNotRepresentTheEntity(RegistrationId entity, PersonId official, String officialsCompany, Instant receivedAt,
                                                        String field) {
        if (representsTheEntity(entity, officialsCompany)) {
            throw new RegistryProblem(RegistryProblem.Kind.FORBIDDEN, CODE, official + "'s grant in force at the registry's receipt ("
                    + receivedAt + ") names the company " + officialsCompany + ": they represent " + entity + " and do not decide on it or "
                    + "record its acts; another official does.", field, ARTICLE);
        }
    }

    /** Whether a grant naming {@code officialsCompany} (null: none) names {@code entity}'s Mongolian state registration number. */
    public static boolean representsTheEntity(RegistrationId entity, String officialsCompany) {
        return mn.registry.kernel.permit.Company.grantNames(officialsCompany, entity == null ? null : entity.mongolianRegistrationNumber());
    }
}

package mn.registry.standalone;

import mn.registry.kernel.freezone.Activity;
import mn.registry.kernel.freezone.LegalEntity;
import mn.registry.kernel.freezone.RegistrationCommands;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.freezone.SubmittedZoneDocument;
import mn.registry.kernel.freezone.ZoneDocument;
import mn.registry.kernel.freezone.ZoneId;

import java.util.List;

import static mn.registry.standalone.RunningRegistry.ok;

/**
 * The Free Zone's abuse rounds on a running registry (003): the set-up rounds 5 to 11 each copied (duplicates of session 19's review),
 * once. The demo's two zones, and an entity registered in one of them: it applies for trade with the documents its jurisdiction requires
 * (uploaded first) as the demo applicant, and its zone's governor registers it.
 */
final class FreeZoneRegistry extends RunningRegistry {

    static final ZoneId ZAMYN_UUD = ZoneId.of("zamyn-uud");
    static final ZoneId ALTANBULAG = ZoneId.of("altanbulag");

    /** @param options Spring options besides a free port, the data directory and the demo people */
    FreeZoneRegistry(String... options) {
        super(options);
    }

    /** 003 art. 12.2: the documents {@code entity}'s application names, each uploaded ({@code <name> <kind>}). */
    List<SubmittedZoneDocument> documentsOf(LegalEntity entity) {
        return ZoneDocument.requiredFor(entity.jurisdiction()).stream().map(kind -> new SubmittedZoneDocument(kind, document(entity.name() + " " + kind)))
                .toList();
    }

    /** 003 art. 12.1-12.2: the entity applies to the zone for trade with its documents (the demo applicant) and its governor registers it. */
    RegistrationId registeredIn(ZoneId zone, LegalEntity entity) {
        return registeredIn(zone, entity, documentsOf(entity));
    }

    /**
     * 003 art. 12.1-12.2: the entity registered in a second zone too, as {@link #registeredIn(ZoneId, LegalEntity)}, its application
     * paying the zone's fee with a receipt of its own (F123: one receipt pays one registration).
     */
    RegistrationId registeredAlsoIn(ZoneId zone, LegalEntity entity) {
        return registeredIn(zone, entity, documentsOf(entity).stream().map(d -> d.kind() == ZoneDocument.REGISTRATION_FEE_RECEIPT
                ? new SubmittedZoneDocument(d.kind(), document(entity.name() + " in " + zone + " " + d.kind())) : d).toList());
    }

    /** 003 art. 12.5.3: the registration's zone's governor records a court's dissolution of {@code decidedOn} on a document of {@code court}'s words. */
    void dissolvedIn(RegistrationId registration, String court, java.time.LocalDate decidedOn) {
        ok(send("governor-" + registration.zoneId().value(), "RecordCourtDecision", new RegistrationCommands.RecordCourtDecision(
                registration, court, decidedOn, false, document(court))));
    }

    /** The duty of {@code registration} in a governor's list of court decisions to record ({@code /api/governor/zones/{zone}/court-decisions}), or null. */
    static com.fasterxml.jackson.databind.JsonNode dutyOf(com.fasterxml.jackson.databind.JsonNode duties, RegistrationId registration) {
        for (com.fasterxml.jackson.databind.JsonNode duty : duties) {
            if (registration.value().equals(duty.path("registrationId").asText())) {
                return duty;
            }
        }
        return null;
    }

    private RegistrationId registeredIn(ZoneId zone, LegalEntity entity, List<SubmittedZoneDocument> documents) {
        ok(send("applicant-1", "ApplyForZoneRegistration", new RegistrationCommands.ApplyForZoneRegistration(zone, entity, Activity.TRADE,
                documents)));
        RegistrationId registration = RegistrationId.of(zone, entity);
        ok(send("governor-" + zone.value(), "RegisterEntity", new RegistrationCommands.RegisterEntity(registration)));
        return registration;
    }
}

package mn.registry.freezone.governor;

import mn.registry.command.api.CommandContext;
import mn.registry.command.api.SignedCommandType;
import mn.registry.freezone.zone.ZoneStreamCommands;
import mn.registry.freezone.zone.QuarterlyReportSchedule;
import mn.registry.freezone.zone.Zones;
import mn.registry.freezone.zone.ZoneDecisionDocuments;
import mn.registry.identity.api.RoleGrants;
import mn.registry.infrastructure.axon.WholeStream;
import mn.registry.infrastructure.identity.IdentityDirectory;
import mn.registry.kernel.freezone.ZoneCommands;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.identity.PersonEnrolled;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.identity.RoleGranted;
import mn.registry.kernel.identity.RoleRevoked;
import mn.registry.kernel.problem.RegistryProblem;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Appointment and dismissal of governors by the Cabinet member (003 art. 8.2). The authority itself is a
 * RoleGranted / RoleRevoked on the governor's own stream (what the command API reads at signing time);
 * the zone's stream keeps the public record (GovernorAppointed / GovernorDismissed).
 */
@Component
class GovernorAppointmentTypes implements mn.registry.identity.api.ZoneRecordsOfAppointments {

    record GovernorAnswer(ZoneId zoneId, PersonId governor, String tenure, Instant at) {
    }

    private final CommandGateway gateway;
    private final RoleGrants enrolment;
    private final Zones zones;
    private final EventStore events;
    private final mn.registry.infrastructure.privacy.PersonalDataVault vault;
    private final QuarterlyReportSchedule reports;
    private final ZoneDecisionDocuments decisions;
    private final GovernorsAppointing appointing;

    /** For tests of one node: the appointment's check and act hold no person's key. */
    GovernorAppointmentTypes(CommandGateway gateway, RoleGrants enrolment, Zones zones, EventStore events,
                             mn.registry.infrastructure.privacy.PersonalDataVault vault, QuarterlyReportSchedule reports,
                             ZoneDecisionDocuments decisions) {
        this(gateway, enrolment, zones, events, vault, reports, decisions, null);
    }

    @org.springframework.beans.factory.annotation.Autowired
    GovernorAppointmentTypes(CommandGateway gateway, RoleGrants enrolment, Zones zones, EventStore events,
                             mn.registry.infrastructure.privacy.PersonalDataVault vault, QuarterlyReportSchedule reports,
                             ZoneDecisionDocuments decisions, GovernorsAppointing appointing) {
        this.appointing = appointing;
        this.reports = reports;
        this.decisions = decisions;
        this.gateway = gateway;
        this.enrolment = enrolment;
        this.zones = zones;
        this.events = events;
        this.vault = vault;
    }

    @Component
    static class Appoint implements SignedCommandType<ZoneCommands.AppointGovernor> {
        private final GovernorAppointmentTypes types;

        Appoint(GovernorAppointmentTypes types) {
            this.types = types;
        }

        @Override
        public String type() {
            return "AppointGovernor";
        }

        @Override
        public Class<ZoneCommands.AppointGovernor> bodyType() {
            return ZoneCommands.AppointGovernor.class;
        }

        @Override
        public Set<Role> allowedRoles() {
            return Set.of(Role.CABINET_MEMBER);
        }

        @Override
        public Object handle(ZoneCommands.AppointGovernor body, CommandContext context) {
            return types.appoint(body, context);
        }
    }

    @Component
    static class Dismiss implements SignedCommandType<ZoneCommands.DismissGovernor> {
        private final GovernorAppointmentTypes types;

        Dismiss(GovernorAppointmentTypes types) {
            this.types = types;
        }

        @Override
        public String type() {
            return "DismissGovernor";
        }

        @Override
        public Class<ZoneCommands.DismissGovernor> bodyType() {
            return ZoneCommands.DismissGovernor.class;
        }

        @Override
        public Set<Role> allowedRoles() {
            return Set.of(Role.CABINET_MEMBER);
        }

        @Override
        public Object handle(ZoneCommands.DismissGovernor body, CommandContext context) {
            return types.dismiss(body, context);
        }
    }

    // 003 art. 8.2: the Cabinet member appoints a governor; tenure starts at the registry's time of receipt. The zone's record
    // comes first: it refuses a second serving governor (freezone.zone-has-governor) before any authority is granted. Since ADR 0061
    // item 27 on the decision's document, claimed for the act and released when it is refused
    GovernorAnswer appoint(ZoneCommands.AppointGovernor body, CommandContext context) {
        requireDecision(body.decision());
        appointeeIsNotTheCabinetMember(body.governor(), context);
        appointeeIsNotErased(body.governor());
        if (appointing == null) {
            return appointAlone(body, context);
        }
        // ADR 0061 item 79 (F609, was O467): the person's key held while F592 is judged and the appointment recorded
        return appointing.alone(body.governor(), context.commandId(), context.receivedAt(), () -> appointAlone(body, context));
    }

    private GovernorAnswer appointAlone(ZoneCommands.AppointGovernor body, CommandContext context) {
        governorHoldsNoOtherZone(body.governor(), body.zoneId(), context);
        return decisions.governorsDecisionClaimedFor(body.decisionSha256(), context, document -> appoint(body, document, context));
    }

    private GovernorAnswer appoint(ZoneCommands.AppointGovernor body, String document, CommandContext context) {
        decisionOfItsOwn(body.governor(), body.zoneId(), body.decision(), document);
        zones.require(body.zoneId());
        String displayName = displayName(body.governor());
        appointeesNameIsPublishable(displayName);
        gateway.sendAndWait(new ZoneStreamCommands.RecordAppointment(body.zoneId(), body.governor(), displayName, body.decision(),
                context.receivedAt(), context.actor(), document));
        try {
            enrolment.grant(new RoleGranted(body.governor(), Role.ZONE_GOVERNOR, body.zoneId().value(), context.receivedAt(), context.actor(),
                    body.decision(), document));
        } catch (RegistryProblem e) {
            if (!"identity.role-already-held".equals(e.code())) {
                throw e;
            }
            // already holds the role (e.g. enrolled with it): the zone's public record was what was missing
        }
        reports.scheduleQuarterOf(body.zoneId(), context.receivedAt());
        return new GovernorAnswer(body.zoneId(), body.governor(), "APPOINTED", context.receivedAt());
    }

    // 003 art. 8.2: the Cabinet member dismisses a governor; acts signed at or after the signing time are no longer theirs
    GovernorAnswer dismiss(ZoneCommands.DismissGovernor body, CommandContext context) {
        requireDecision(body.decision());
        return decisions.governorsDecisionClaimedFor(body.decisionSha256(), context, document -> dismiss(body, document, context));
    }

    private GovernorAnswer dismiss(ZoneCommands.DismissGovernor body, String document, CommandContext context) {
        decisionOfItsOwn(body.governor(), body.zoneId(), body.decision(), document);
        zones.require(body.zoneId());
        displayName(body.governor());
        enrolment.revoke(new RoleRevoked(body.governor(), Role.ZONE_GOVERNOR, body.zoneId().value(), context.receivedAt(), context.actor(),
                body.decision(), null, document));
        try {
            gateway.sendAndWait(new ZoneStreamCommands.RecordDismissal(body.zoneId(), body.governor(), body.decision(), context.receivedAt(),
                    context.actor(), document));
        } catch (RegistryProblem e) {
            if (!"freezone.not-governor".equals(e.code())) {
                throw e;
            }
            // the role was granted without a public appointment record (first-start enrolment): the revocation is the act
        }
        reports.scheduleQuarterOf(body.zoneId(), context.receivedAt());
        return new GovernorAnswer(body.zoneId(), body.governor(), "DISMISSED", context.receivedAt());
    }

    /**
     * 003 art. 8.2 (abuse audit F387; ADR 0061 item 26): the Cabinet member appoints and dismisses a zone's governor, each by a decision of
     * its own, as an official's grant and end each rest on an order of their own (F344, F346, F347). The decision is free text published as
     * the act's ground (ADR 0046 item 12), and the governor's stream keeps each appointment's and dismissal's for the zone ({@code
     * RoleGranted}/{@code RoleRevoked} with the zone, the decision as ground): the governor dismissed on the decision that appointed them,
     * or appointed again on the decision of an earlier appointment or of a dismissal, would be an act with no decision behind it. Judged
     * before anything is recorded (the zone's record comes first in an appointment, the revocation first in a dismissal), compared with
     * spaces and case set aside; per zone, so that one decision moving a governor from one zone to another does both.
     * <p>Since ADR 0061 item 27 (abuse audit F400, was O226) the decision is named by its document ({@code decisionSha256}, kept on the
     * stream as an official's order is, {@code RoleGranted}/{@code RoleRevoked.documentSha256}): an earlier act on the same document is
     * refused however its reference was written ("order 2026/94", "Order No. 2026/94"), field {@code decisionSha256}; the references
     * are still compared, as stored acts name none other. Item 30 (F401): the zone's own record of the governor's appointments and dismissals
     * counts too ({@code GovernorAppointed}/{@code GovernorDismissed}): an appointment of a governor who held the role already (enrolled with
     * it at the registry's first start) is recorded on the zone alone, and its decision was not seen.
     */
    void decisionOfItsOwn(PersonId governor, ZoneId zone, String decision, String decisionSha256) {
        String cited = decisionAsCompared(decision);
        List<CitedDecision> earlier = java.util.stream.Stream.concat(
                WholeStream.payloads(events, IdentityDirectory.streamOf(governor))
                        .map(payload -> CitedDecision.ofTheRole(payload, zone)),
                onTheZonesRecord(governor, zone)).flatMap(java.util.Optional::stream).toList();
        if (earlier.stream().anyMatch(act -> act.document() != null && act.document().equalsIgnoreCase(decisionSha256))) {
            throw decisionUsed(governor, zone, "this decision's document", "decisionSha256");
        }
        if (earlier.stream().anyMatch(act -> cited.equals(decisionAsCompared(act.reference())))) {
            throw decisionUsed(governor, zone, "this decision", "decision");
        }
    }

    // the zone's public record of the governor's appointments and dismissals (ADR 0061 item 30)
    private java.util.stream.Stream<java.util.Optional<CitedDecision>> onTheZonesRecord(PersonId governor, ZoneId zone) {
        return zoneRecord(zone).map(payload -> CitedDecision.ofTheZone(payload, governor));
    }

    private java.util.stream.Stream<Object> zoneRecord(ZoneId zone) {
        return WholeStream.payloads(events, zone.stream());
    }

    /**
     * ADR 0061 item 32 (abuse audit F421, was O243; 001 art. 23.1.1): the documents of the decisions that appointed the governor, as the
     * zones' records name them, for the person's stream, which judges a certificate's revocation and has no grant of an appointment recorded
     * on the zone alone. Appointments only: the stream judges a revocation on a grant's order, not on an end's (F385).
     */
    @Override
    public Set<String> appointmentDocuments(PersonId governor, Set<String> zones) {
        return zones.stream().flatMap(zone -> zoneRecord(ZoneId.of(zone)))
                .filter(payload -> payload instanceof mn.registry.kernel.freezone.ZoneEvents.GovernorAppointed appointed && governor.equals(appointed.governor()))
                .map(payload -> ((mn.registry.kernel.freezone.ZoneEvents.GovernorAppointed) payload).decisionSha256())
                .filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet());
    }

    /**
     * ADR 0061 item 77 (abuse audit F596, was O432; 003 art. 8.2): the governor's appointments on the zones' records naming their decision's
     * document, each with its number on the zone's stream, the time it took effect and the Cabinet member who signed it.
     */
    @Override
    public List<RecordedAppointment> appointmentsOnTheRecords(PersonId governor, Set<String> zones) {
        List<RecordedAppointment> recorded = new java.util.ArrayList<>();
        zones.stream().sorted().forEach(zone -> WholeStream.events(events, ZoneId.of(zone).stream()).forEach(stored -> {
            if (stored.getPayload() instanceof mn.registry.kernel.freezone.ZoneEvents.GovernorAppointed appointed
                    && governor.equals(appointed.governor()) && appointed.decisionSha256() != null) {
                recorded.add(new RecordedAppointment(zone, stored.getSequenceNumber(), appointed.from(), appointed.appointedBy(),
                        appointed.decisionSha256()));
            }
        }));
        return List.copyOf(recorded);
    }

    /**
     * ADR 0061 item 36 (abuse audit F442, was O260; 003 art. 8.2): the governor's appointments and dismissals on the zone's record that name
     * no decision's document (stored before item 27), by their number on the zone's stream, for a statement of their decision; since item 83
     * (session 33) each with the Cabinet member who signed it, for the staff's list.
     */
    @Override
    public java.util.Map<Long, RecordNamingNoDocument> recordsNamingNoDocument(PersonId governor, String zone) {
        java.util.Map<Long, RecordNamingNoDocument> records = new java.util.TreeMap<>();
        WholeStream.events(events, ZoneId.of(zone).stream()).forEach(stored -> {
            if (stored.getPayload() instanceof mn.registry.kernel.freezone.ZoneEvents.GovernorAppointed appointed
                    && governor.equals(appointed.governor()) && appointed.decisionSha256() == null) {
                records.put(stored.getSequenceNumber(), new RecordNamingNoDocument("grant", appointed.from(), appointed.appointedBy()));
            }
            if (stored.getPayload() instanceof mn.registry.kernel.freezone.ZoneEvents.GovernorDismissed dismissed
                    && governor.equals(dismissed.governor()) && dismissed.decisionSha256() == null) {
                records.put(stored.getSequenceNumber(), new RecordNamingNoDocument("end", dismissed.until(), dismissed.dismissedBy()));
            }
        });
        return records;
    }

    /** The decision an earlier appointment or dismissal of the governor in the zone rested on: its reference, and its document (none before item 27). */
    private record CitedDecision(String reference, String document) {

        // the governor's stream: a grant or end of the role in the zone, its decision as ground
        static java.util.Optional<CitedDecision> ofTheRole(Object payload, ZoneId zone) {
            if (payload instanceof RoleGranted grant && grant.role() == Role.ZONE_GOVERNOR && zone.value().equals(grant.zoneId())) {
                return java.util.Optional.of(new CitedDecision(grant.ground(), grant.documentSha256()));
            }
            if (payload instanceof RoleRevoked end && end.role() == Role.ZONE_GOVERNOR && zone.value().equals(end.zoneId())) {
                return java.util.Optional.of(new CitedDecision(end.ground(), end.documentSha256()));
            }
            // ADR 0061 item 31 (F422, was O242): the document stated for an appointment or dismissal stored before item 27
            if (payload instanceof mn.registry.kernel.identity.StoredActOrderStated stated && stated.role() == Role.ZONE_GOVERNOR
                    && zone.value().equals(stated.zoneId())) {
                return java.util.Optional.of(new CitedDecision(null, stated.documentSha256()));
            }
            return java.util.Optional.empty();
        }

        // the zone's public record of the governor's appointment or dismissal
        static java.util.Optional<CitedDecision> ofTheZone(Object payload, PersonId governor) {
            if (payload instanceof mn.registry.kernel.freezone.ZoneEvents.GovernorAppointed appointed && governor.equals(appointed.governor())) {
                return java.util.Optional.of(new CitedDecision(appointed.decision(), appointed.decisionSha256()));
            }
            if (payload instanceof mn.registry.kernel.freezone.ZoneEvents.GovernorDismissed dismissed && governor.equals(dismissed.governor())) {
                return java.util.Optional.of(new CitedDecision(dismissed.decision(), dismissed.decisionSha256()));
            }
            return java.util.Optional.empty();
        }
    }

    private static RegistryProblem decisionUsed(PersonId governor, ZoneId zone, String what, String field) {
        return new RegistryProblem(RegistryProblem.Kind.CONFLICT, "freezone.governor-decision-used", "An earlier appointment or dismissal of "
                + governor + " as governor of " + zone + " rested on " + what + "; each appointment and each dismissal rests on a decision of "
                + "its own.", field, "003 art. 8.2");
    }

    private static String decisionAsCompared(String decision) {
        return decision == null ? "" : decision.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
    }

    private String displayName(PersonId person) {
        return WholeStream.payloads(events, IdentityDirectory.streamOf(person))
                .filter(PersonEnrolled.class::isInstance).map(p -> vault.displayName((PersonEnrolled) p)).reduce((a, b) -> b)
                .orElseThrow(() -> new RegistryProblem(RegistryProblem.Kind.NOT_FOUND, "identity.person-unknown",
                        "No person " + person + " is enrolled with the registry.", "governor", "003 art. 8.2"));
    }

    // 003 art. 8.2; 002 art. 15.3, 30.1 (domain-rules §5; choice, ADR 0015 item 5; abuse audit F290): the appointment publishes the
    // governor's name as enrolled, the common name of their certificate, which no official typed and no screen read; a CA may write the
    // holder's civil registration number (or a phone, an e-mail) into it. The name is public, those details are not: refused, and the
    // Cabinet member enrols the person's certificate whose name does not hold them (EnrolSigner), then appoints
    static void appointeesNameIsPublishable(String displayName) {
        mn.registry.identity.api.PublishedIdentityDetails.detailInTheName(displayName).ifPresent(found -> {
            throw RegistryProblem.invalid(mn.registry.kernel.privacy.PublishedTextScreen.CODE, "The appointment publishes the governor's name as "
                    + "enrolled (their certificate's name), and it holds " + found.kind().description() + " (characters " + (found.start() + 1)
                    + "-" + found.end() + "), which is never published. Enrol the person's certificate whose name does not, then appoint.",
                    "governor", mn.registry.kernel.privacy.PublishedTextScreen.ARTICLE);
        });
    }

    /**
     * 003 art. 8.1-8.2 (choice, the lead's reading, ADR 0061 item 74; abuse audit F592, was O447): the governor heads <em>the</em> zone's
     * administration, so a person in office as the governor of one zone is not appointed the governor of another until dismissed from it:
     * else one person would head two zones' administrations, each zone's one office (8.1) held by someone answering for another. Judged on
     * the person's own stream, the authority itself (a grant of {@link Role#ZONE_GOVERNOR} naming another zone not ended), at the registry's
     * receipt with every grant and end already stored counted (as a signer is judged, ADR 0061 item 12), before the decision is claimed and
     * before the zone's record is written: 409 {@code freezone.governor-of-another-zone}, field {@code governor}, nothing stored or claimed.
     * The same zone again is the zone's record's ({@code freezone.governor-already-appointed}).
     */
    void governorHoldsNoOtherZone(PersonId governor, ZoneId zone, CommandContext context) {
        List<Object> history = WholeStream.payloads(events, IdentityDirectory.streamOf(governor)).toList();
        Instant at = context.receivedAt();
        for (Object stored : history) {
            Instant from = stored instanceof RoleGranted grant ? grant.validFrom() : stored instanceof RoleRevoked end ? end.validUntil() : null;
            if (from != null && from.isAfter(at)) {
                at = from;
            }
        }
        IdentityDirectory.grantsHeldAt(history, Role.ZONE_GOVERNOR, at).stream().map(RoleGranted::zoneId)
                .filter(other -> other != null && !other.equals(zone.value())).sorted().findFirst().ifPresent(other -> {
                    throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "freezone.governor-of-another-zone", governor + " is the governor in "
                            + "office of the zone " + other + " at the registry's receipt (" + context.receivedAt() + "): a governor heads one zone's "
                            + "administration; the Cabinet member dismisses them there before appointing them to " + zone + ".", "governor",
                            "003 art. 8.1-8.2");
                });
    }

    // 003 art. 8.2; ADR 0055 item 7 (abuse audit F345): a person whose personal data was erased signs nothing again (their key is destroyed);
    // appointed, they would hold the zone's one office and never act. The person's stream refuses the grant too, but the zone's record is
    // stored first (it refuses a second serving governor before any authority is granted), so the erasure is judged here, before it
    private void appointeeIsNotErased(PersonId governor) {
        if (vault.erased(governor)) {
            throw RoleGrants.personErased(governor);
        }
    }

    // 003 art. 8.2, 12.3 (choice, ADR 0035 item 9; abuse audit F86): the Cabinet member appoints a governor, another person: appointed
    // themselves, the member would hold both the governor's acts (registrations, land) and their oversight: the governor's office
    // reports to the Cabinet member each quarter (12.3), and only the Cabinet member dismisses a governor
    static void appointeeIsNotTheCabinetMember(PersonId governor, CommandContext context) {
        if (governor != null && governor.equals(context.actor())) {
            throw new RegistryProblem(RegistryProblem.Kind.FORBIDDEN, "freezone.self-appointment", context.actor() + " does not appoint "
                    + "themselves a zone's governor: the governor reports to the Cabinet member (003 art. 12.3).", "governor", "003 art. 8.2, 12.3");
        }
    }

    // 003 art. 8.2 (abuse audit O10): the Cabinet member's decision is named; one of no-break or zero-width spaces names nothing
    static void requireDecision(String decision) {
        if (mn.registry.kernel.problem.VisibleText.saysNothing(decision)) {
            throw RegistryProblem.invalid("freezone.field-missing", "The field decision is required.", "decision", "003 art. 8.2");
        }
        mn.registry.freezone.zone.ReadableText.requireReadable(decision, "decision", "003 art. 8.2"); // abuse audit F89: published as signed
    }
}

package mn.registry.standalone;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import mn.registry.kernel.freezone.ZoneEvents;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.identity.RoleGranted;
import mn.registry.kernel.identity.RoleRevoked;
import mn.registry.kernel.permit.ApplicationId;
import mn.registry.kernel.permit.PermitRevoked;
import mn.registry.kernel.permit.RevocationGround;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * docs/production.md, "Rolling back": a release that adds a field to a stored event must be one the release before it can still read.
 * An operator who rolls back after the newer release stored such events starts the earlier release's event records on them; each
 * newer event is written here by the running registry's own event serializer (the {@code eventSerializer} bean: Axon's
 * {@link JacksonSerializer} on the registry's Spring Boot {@code ObjectMapper}, as the event store writes and reads payloads) and read
 * back by the same serializer into a copy of the earlier release's record, which lacks the field. The general check of the rollback
 * direction (StoredEventSamplesTest checks the upgrade's): a release adding an event field adds its row to {@link #NEWER}.
 */
class EarlierReleaseReadsNewerEventsTest {

    @TempDir
    Path dataDir;

    private static final Instant AT = Instant.parse("2026-12-01T02:00:00Z");
    private static final PersonId REVIEWER = new PersonId("reviewer-7");
    private static final PersonId SUPERVISOR = new PersonId("supervisor-1");
    private static final PersonId CABINET = new PersonId("cabinet-1");
    private static final ApplicationId PERMIT = new ApplicationId("0b6a1f2e-3c4d-4e5f-8a9b-1c2d3e4f5a6b");

    /** {@code RoleGranted} before session 23 (ADR 0061 item 21 added {@code documentSha256}). */
    record RoleGrantedBeforeSession23(PersonId personId, Role role, String zoneId, Instant validFrom, PersonId grantedBy, String ground) {
    }

    /** {@code RoleRevoked} before session 23 (ADR 0061 item 21 added {@code documentSha256}). */
    record RoleRevokedBeforeSession23(PersonId personId, Role role, String zoneId, Instant validUntil, PersonId revokedBy, String ground,
                                      @JsonInclude(JsonInclude.Include.NON_NULL) Instant receivedAt) {
    }

    /** {@code PermitRevoked} before session 23 (F328 added {@code evidenceSha256}). */
    record PermitRevokedBeforeSession23(ApplicationId applicationId, RevocationGround ground, String reason, Instant revokedAt, PersonId decidedBy,
                                        boolean issuedCertificatesStayValid) {
    }

    /** {@code GovernorAppointed} before session 25 (ADR 0061 item 27 added {@code decisionSha256}). */
    record GovernorAppointedBeforeSession25(ZoneId zoneId, PersonId governor, String displayName, String decision, Instant from,
                                            PersonId appointedBy) {
    }

    /** {@code GovernorDismissed} before session 25 (ADR 0061 item 27 added {@code decisionSha256}). */
    record GovernorDismissedBeforeSession25(ZoneId zoneId, PersonId governor, String decision, Instant until, PersonId dismissedBy) {
    }

    /**
     * {@code StoredActOrderStated} before session 27 (ADR 0061 item 36 added {@code onTheZonesStream}): session 26's release reads a
     * statement of a zone's act as one of the person's own stream (docs/production.md's row; store format 5 stops it first).
     */
    record StoredActOrderStatedBeforeSession27(PersonId personId, long sequence, String act, Role role,
                                               @JsonInclude(JsonInclude.Include.NON_NULL) String zoneId, String documentSha256, Instant statedAt,
                                               PersonId statedBy) {
    }

    /** {@code EntityRegistered} before session 33 (ADR 0035 item 170 added {@code lateAfter}): session 32's release reads it as in time. */
    record EntityRegisteredBeforeSession33(mn.registry.kernel.freezone.RegistrationId registrationId, mn.registry.kernel.freezone.ZoneCertificate certificate,
                                           Instant registeredAt, PersonId registeredBy) {
    }

    private static final ZoneId ZONE = ZoneId.of("altanbulag");
    private static final mn.registry.kernel.freezone.LegalEntity ENTITY = new mn.registry.kernel.freezone.LegalEntity("Selenge Trade LLC",
            mn.registry.kernel.freezone.Jurisdiction.MONGOLIAN, null, "6001234");
    private static final mn.registry.kernel.freezone.RegistrationId REGISTRATION = mn.registry.kernel.freezone.RegistrationId.of(ZONE, ENTITY);
    private static final mn.registry.kernel.freezone.ZoneCertificate CERTIFICATE = new mn.registry.kernel.freezone.ZoneCertificate(
            "ALTANBULAG/2026/MN-6001234", REGISTRATION, ENTITY, mn.registry.kernel.freezone.Activity.TRADE, java.time.LocalDate.of(2026, 12, 1), ZONE);
    private static final PersonId GOVERNOR = new PersonId("governor-7");

    /** An event as the newer release stores it, the earlier release's record of its type, and what that record reads. */
    record Newer(Object stored, Class<?> earlierType, Object earlierReads) {
    }

    static final List<Newer> NEWER = List.of(
            new Newer(new RoleGranted(REVIEWER, Role.MINISTRY_REVIEWER, null, AT, SUPERVISOR, "enrolment (EnrolSigner, 001 art. 23.1.1)", "a1".repeat(32)),
                    RoleGrantedBeforeSession23.class,
                    new RoleGrantedBeforeSession23(REVIEWER, Role.MINISTRY_REVIEWER, null, AT, SUPERVISOR, "enrolment (EnrolSigner, 001 art. 23.1.1)")),
            new Newer(new RoleRevoked(REVIEWER, Role.MINISTRY_REVIEWER, null, AT.plusSeconds(1), SUPERVISOR, "end of the role (EndSignerRole, 001 art. 23.1.1)",
                    AT, "d1".repeat(32)), RoleRevokedBeforeSession23.class,
                    new RoleRevokedBeforeSession23(REVIEWER, Role.MINISTRY_REVIEWER, null, AT.plusSeconds(1), SUPERVISOR,
                            "end of the role (EndSignerRole, 001 art. 23.1.1)", AT)),
            new Newer(new PermitRevoked(PERMIT, RevocationGround.LIQUIDATION, "the holder was liquidated", AT, SUPERVISOR, false, "e1".repeat(32)),
                    PermitRevokedBeforeSession23.class,
                    new PermitRevokedBeforeSession23(PERMIT, RevocationGround.LIQUIDATION, "the holder was liquidated", AT, SUPERVISOR, false)),
            new Newer(new ZoneEvents.GovernorAppointed(ZONE, GOVERNOR, "Ганзориг Батсүх", "order 2026/94", AT, CABINET, "a7".repeat(32)),
                    GovernorAppointedBeforeSession25.class,
                    new GovernorAppointedBeforeSession25(ZONE, GOVERNOR, "Ганзориг Батсүх", "order 2026/94", AT, CABINET)),
            new Newer(new ZoneEvents.GovernorDismissed(ZONE, GOVERNOR, "order 2026/120", AT, CABINET, "d7".repeat(32)),
                    GovernorDismissedBeforeSession25.class, new GovernorDismissedBeforeSession25(ZONE, GOVERNOR, "order 2026/120", AT, CABINET)),
            new Newer(new mn.registry.kernel.identity.StoredActOrderStated(GOVERNOR, 2, "grant", Role.ZONE_GOVERNOR, ZONE.value(), "c9".repeat(32), AT,
                    CABINET, ZONE.stream()), StoredActOrderStatedBeforeSession27.class,
                    new StoredActOrderStatedBeforeSession27(GOVERNOR, 2, "grant", Role.ZONE_GOVERNOR, ZONE.value(), "c9".repeat(32), AT, CABINET)),
            new Newer(new mn.registry.kernel.freezone.RegistrationEvents.EntityRegistered(REGISTRATION, CERTIFICATE, AT, GOVERNOR,
                    java.time.LocalDate.of(2026, 11, 30)), EntityRegisteredBeforeSession33.class,
                    new EntityRegisteredBeforeSession33(REGISTRATION, CERTIFICATE, AT, GOVERNOR)));

    @Test
    @DisplayName("docs/production.md, rolling back (ADR 0061 items 24, 27, 36): a RoleGranted and a RoleRevoked naming their order, a PermitRevoked naming "
            + "its evidence, a governor's GovernorAppointed and GovernorDismissed naming their decision's document and a StoredActOrderStated naming a zone's stream, written by the registry's own event serializer, are read by the earlier release's records without the field, which is "
            + "ignored; a mapper failing on unknown fields would refuse them (the check is not blind)")
    void the_earlier_releases_records_read_the_newer_events() {
        ConfigurableApplicationContext registry = RegistryApplication.start("--server.port=0", "--registry.data-dir=" + dataDir, "--registry.demo=true");
        try {
            Serializer events = registry.getBean("eventSerializer", Serializer.class);
            ObjectMapper strict = ((JacksonSerializer) events).getObjectMapper().copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
            for (Newer newer : NEWER) {
                String stored = events.serialize(newer.stored(), String.class).getData();
                assertThat(stored).as("the newer release stores the field").containsAnyOf("\"documentSha256\"", "\"evidenceSha256\"", "\"decisionSha256\"", "\"lateAfter\"");

                Object read = events.deserialize(new SimpleSerializedObject<>(stored, String.class, newer.earlierType().getName(), null));

                assertThat(read).as(newer.earlierType().getSimpleName()).isEqualTo(newer.earlierReads());
                assertThatThrownBy(() -> strict.readValue(stored, newer.earlierType())).as("a strict mapper refuses the unknown field")
                        .hasMessageContaining("Unrecognized field");
            }
        } finally {
            registry.close();
        }
    }
}

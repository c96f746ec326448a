package mn.registry.freezone.entity;

import com.mongodb.client.MongoClient;
import mn.registry.command.look.SnapshotLoads;
import mn.registry.kernel.freezone.DeregistrationGround;
import mn.registry.kernel.freezone.RegistrationEvents;
import mn.registry.store.testing.EmbeddedMongoExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static mn.registry.freezone.entity.FreeZoneAbuseRound21Test.CLOSURE;
import static mn.registry.freezone.entity.FreeZoneAbuseRound21Test.INTERRUPTED_EVENT;
import static mn.registry.freezone.entity.FreeZoneAbuseRound21Test.MOVED_LAST_DAY;
import static mn.registry.freezone.entity.FreeZoneAbuseRound21Test.STARTED_EVENT;
import static mn.registry.freezone.entity.FreeZoneAbuseRound21Test.TWELVE_MONTHS_LAST_DAY;
import static mn.registry.freezone.entity.FreeZoneAbuseRound21Test.YEAR_MOVED_LAST_DAY;
import static mn.registry.freezone.entity.ZoneRegistrationTest.GOVERNOR;
import static mn.registry.freezone.entity.ZoneRegistrationTest.ID;
import static mn.registry.freezone.entity.ZoneRegistrationTest.STREAM;
import static mn.registry.freezone.entity.ZoneRegistrationTest.ZONE;
import static mn.registry.freezone.entity.ZoneRegistrationTest.agreement;
import static mn.registry.freezone.entity.ZoneRegistrationTest.applied;
import static mn.registry.freezone.entity.ZoneRegistrationTest.registered;
import static org.assertj.core.api.Assertions.assertThat;

/** ADR 0069: a registration's snapshots (Axon's snapshotter on the registry's store) never change what the registration is. */
@ExtendWith(EmbeddedMongoExtension.class)
class ZoneRegistrationSnapshotsTest {

    /** The histories of the governor's desk's answers (round 21) and of a removal, a court's dissolution and a resumption (round 11). */
    private static Map<String, List<Object>> histories() {
        LocalDate decided = LocalDate.of(2027, 6, 2);
        Instant late = Instant.parse("2027-06-05T02:00:00Z");
        Object raised = new RegistrationEvents.DeregistrationGroundRaised(ID, DeregistrationGround.INTERRUPTED_TWELVE_MONTHS,
                DeregistrationGround.INTERRUPTED_TWELVE_MONTHS.article(), TWELVE_MONTHS_LAST_DAY.plusDays(1),
                mn.registry.freezone.FreeZoneSigned.on(TWELVE_MONTHS_LAST_DAY.plusDays(1)), null);
        Map<String, List<Object>> histories = new LinkedHashMap<>();
        histories.put("registered", List.of(applied(), registered()));
        histories.put("an agreement", List.of(applied(), registered(), agreement(LocalDate.of(2026, 12, 1), LocalDate.of(2027, 11, 23))));
        histories.put("interrupted", List.of(applied(), registered(), STARTED_EVENT, INTERRUPTED_EVENT));
        histories.put("a ground raised", List.of(applied(), registered(), STARTED_EVENT, INTERRUPTED_EVENT, raised));
        histories.put("resumed", List.of(applied(), registered(), STARTED_EVENT, INTERRUPTED_EVENT,
                new RegistrationEvents.OperationsResumed(ID, LocalDate.of(2027, 9, 1), GOVERNOR, ZoneRegistrationTest.RESUMPTION_DOC)));
        histories.put("dissolved, removed", List.of(applied(), registered(), agreement(LocalDate.of(2026, 12, 1), LocalDate.of(2027, 11, 23)),
                new RegistrationEvents.CourtDissolutionRecorded(ID, "ref", decided, false, GOVERNOR, ZoneRegistrationTest.COURT_DOC),
                new RegistrationEvents.DeregistrationGroundRaised(ID, DeregistrationGround.COURT_DECISION, "003 art. 12.5.3", decided, late, GOVERNOR),
                new RegistrationEvents.EntityDeregistered(ID, ZONE, DeregistrationGround.COURT_DECISION, "003 art. 12.5.3", "dissolved", late,
                        true, false, GOVERNOR)));
        return histories;
    }

    @Test
    @DisplayName("ADR 0069: on each history, the registration loaded from a snapshot taken at its second event, half-way or at its last, and "
            + "the events after it, has every field of the registration folded from its events, and answers the governor's desk the same on "
            + "each day the answers turn (the year to start and the 12 months, moved by the zone's closure)")
    void a_snapshot_never_changes_what_the_registration_is(MongoClient client) {
        ZoneRegistrationTest.Services services = new ZoneRegistrationTest.Services();
        services.closures.add(CLOSURE);
        int n = 0;
        for (Map.Entry<String, List<Object>> history : histories().entrySet()) {
            String store = "registration-snapshots-" + n++ + "-";
            for (List<ZoneRegistration> loads : SnapshotLoads.loadsAroundSnapshots(split -> SnapshotLoads.on(client.getDatabase(store + split),
                    ZoneRegistration.class, ZoneRegistrationAbuseFixture.aggregate(), c -> c.registerComponent(RegistrationServices.class, x -> services)),
                    STREAM, history.getValue())) {
                ZoneRegistration fromSnapshot = loads.get(0);
                ZoneRegistration folded = loads.get(1);
                assertThat(fromSnapshot).as(history.getKey()).usingRecursiveComparison().withStrictTypeChecking().isEqualTo(folded);
                for (LocalDate day : List.of(YEAR_MOVED_LAST_DAY, YEAR_MOVED_LAST_DAY.plusDays(1), MOVED_LAST_DAY, MOVED_LAST_DAY.plusDays(1))) {
                    assertThat(fromSnapshot.actsAcceptedOn(day, services, GOVERNOR)).as(history.getKey() + " on " + day)
                            .isEqualTo(folded.actsAcceptedOn(day, services, GOVERNOR));
                }
            }
        }
    }

    @Test
    @DisplayName("ADR 0069: the registration's fields are those of its snapshot revision; a field added, removed or retyped fails here until "
            + "the revision (ZoneRegistration.SHAPE) is raised and the shape pinned again")
    void the_shape_is_pinned_to_its_revision() {
        assertThat(ZoneRegistration.SHAPE + "/" + SnapshotLoads.shapeHash(ZoneRegistration.class))
                .as("fields: " + SnapshotLoads.shape(ZoneRegistration.class)).isEqualTo("3/c00f1c64b9a9e8cb");
    }
}

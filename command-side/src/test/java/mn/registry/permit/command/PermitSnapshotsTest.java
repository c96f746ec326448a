package mn.registry.permit.command;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import mn.registry.command.look.SnapshotLoads;
import mn.registry.kernel.permit.PermitApplicationStatus;
import mn.registry.kernel.permit.RevocationGrounds;
import mn.registry.store.testing.EmbeddedMongoExtension;
import org.axonframework.serialization.Revision;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static mn.registry.permit.command.PermitLifecycleTest.ID;
import static org.assertj.core.api.Assertions.assertThat;

/** ADR 0069: the permit's snapshots (Axon's snapshotter on the registry's store) never change what the permit is. */
@ExtendWith(EmbeddedMongoExtension.class)
class PermitSnapshotsTest {

    private static final Instant NOW = Instant.parse("2025-07-20T02:00:00Z");

    private static SnapshotLoads<PermitApplication> permits(MongoDatabase database) {
        return SnapshotLoads.on(database, PermitApplication.class, Signed.aggregate(),
                configurer -> configurer.registerComponent(PermitServices.class, c -> new Signed.Services()));
    }

    @Test
    @DisplayName("ADR 0069: on each history of the revocation's and the suspension's answers, the permit loaded from a snapshot taken at its "
            + "second event, half-way or at its last, and the events after it, has every field of the permit folded from its events (each "
            + "collection of the same class), and answers the desk the same")
    void a_snapshot_never_changes_what_the_permit_is(MongoClient client) {
        Map<String, List<Object>> histories = new LinkedHashMap<>(PermitAbuseRound21Test.revocationHistories());
        PermitAbuseRound21Test.suspensionHistories().forEach((name, history) -> histories.put("suspension: " + name, history));
        assertThat(histories).as("the rounds' histories, 23 when this test was written").hasSizeGreaterThanOrEqualTo(23);
        int n = 0;
        for (Map.Entry<String, List<Object>> history : histories.entrySet()) {
            String store = "permit-snapshots-" + n++ + "-";
            for (List<PermitApplication> loads : SnapshotLoads.loadsAroundSnapshots(split -> permits(client.getDatabase(store + split)), ID.value(),
                    history.getValue())) {
                PermitApplication fromSnapshot = loads.get(0);
                PermitApplication folded = loads.get(1);
                assertThat(fromSnapshot).as(history.getKey()).usingRecursiveComparison().withStrictTypeChecking().isEqualTo(folded);
                RevocationGrounds.Answer answer = fromSnapshot.revocationGroundsAt(NOW, new Signed.Services());
                assertThat(answer).as(history.getKey()).isEqualTo(folded.revocationGroundsAt(NOW, new Signed.Services()));
            }
        }
    }

    @Test
    @DisplayName("ADR 0069: a snapshot stored under another revision of the permit's shape, or one the class cannot read, is passed over and the "
            + "permit folded from its events; one of its own revision is read")
    void a_snapshot_of_another_revision_is_not_read(MongoDatabase database) {
        try (SnapshotLoads<PermitApplication> permits = permits(database)) {
            permits.append(ID.value(), PermitLifecycleTest.active());
            permits.snapshot(ID.value());
            assertThat(permits.load(ID.value()).status()).isEqualTo(PermitApplicationStatus.ACTIVE);
            var snapshots = database.getCollection("snapshots");
            String payload = snapshots.find(new Document("_id", ID.value())).first().getString("payload");
            assertThat(payload).contains("\"status\":\"ACTIVE\"");
            String otherState = payload.replace("\"status\":\"ACTIVE\"", "\"status\":\"REVOKED\"");
            assertThat(PermitApplication.class.getAnnotation(Revision.class).value()).isEqualTo(PermitApplication.SHAPE);

            // the same revision: the snapshot is read (the test is not blind)
            snapshots.updateOne(new Document("_id", ID.value()), Updates.set("payload", otherState));
            assertThat(permits.load(ID.value()).status()).isEqualTo(PermitApplicationStatus.REVOKED);

            // another revision (an older release's shape): folded from the events
            snapshots.updateOne(new Document("_id", ID.value()), Updates.set("payloadRevision", "0"));
            assertThat(permits.load(ID.value()).status()).isEqualTo(PermitApplicationStatus.ACTIVE);

            // the same revision, but a field this class does not have: folded from the events
            snapshots.updateOne(new Document("_id", ID.value()), Updates.combine(Updates.set("payloadRevision", PermitApplication.SHAPE),
                    Updates.set("payload", otherState.replaceFirst("\\{", "{\"addedLater\":1,"))));
            assertThat(permits.load(ID.value()).status()).isEqualTo(PermitApplicationStatus.ACTIVE);
        }
    }

    @Test
    @DisplayName("ADR 0069 (session 26): a load from a snapshot decodes the snapshot once, not once to judge it readable and once to load it; "
            + "one the class cannot read is still passed over, decoded once too, and the permit folded from its events")
    void a_snapshot_is_decoded_once_per_load(MongoDatabase database) {
        try (SnapshotLoads<PermitApplication> permits = permits(database)) {
            permits.append(ID.value(), PermitLifecycleTest.active());
            permits.snapshot(ID.value());
            int before = permits.snapshotsDecoded();
            assertThat(permits.load(ID.value()).status()).isEqualTo(PermitApplicationStatus.ACTIVE);
            assertThat(permits.snapshotsDecoded() - before).as("decodes of the snapshot by one load").isEqualTo(1);

            var snapshots = database.getCollection("snapshots");
            String payload = snapshots.find(new Document("_id", ID.value())).first().getString("payload");
            snapshots.updateOne(new Document("_id", ID.value()), Updates.set("payload", payload.replace("\"status\":\"ACTIVE\"",
                    "\"status\":\"REVOKED\"").replaceFirst("\\{", "{\"addedLater\":1,")));
            before = permits.snapshotsDecoded();
            assertThat(permits.load(ID.value()).status()).as("folded from the events").isEqualTo(PermitApplicationStatus.ACTIVE);
            assertThat(permits.snapshotsDecoded() - before).as("the unreadable snapshot tried once").isEqualTo(1);
        }
    }

    @Test
    @DisplayName("ADR 0069: the permit's fields are those of its snapshot revision; a field added, removed or retyped fails here until the "
            + "revision (PermitApplication.SHAPE) is raised and the shape pinned again")
    void the_shape_is_pinned_to_its_revision() {
        assertThat(PermitApplication.SHAPE + "/" + SnapshotLoads.shapeHash(PermitApplication.class))
                .as("fields: " + SnapshotLoads.shape(PermitApplication.class)).isEqualTo("6/f46110f49226ec0c"); // revision 6: suspensionGroundRemovedBy (session 32, ADR 0046 item 171, F597); 5: chainNoticesLate and the notice's recordedAt and count (session 29, ADR 0046 item 135, F482), opinionRecordedBy (item 138, F495), requestDueMoved (item 132, F476); 4: chainNoticeUnmet and the notice's late flag (session 28, ADR 0046 item 125, F469); 3 added reportedChangeDocuments (ADR 0057 "Session 27", F452) and chainFromAtRevocation (item 112)
    }
}

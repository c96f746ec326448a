package mn.registry.freezone.entity;

import com.mongodb.client.MongoDatabase;
import mn.registry.command.claim.DocumentClaims;
import mn.registry.command.claim.DocumentKind;
import mn.registry.command.look.SnapshotLoads;
import mn.registry.kernel.freezone.RegistrationEvents;
import mn.registry.kernel.freezone.RegistrationId;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.mockito.Mockito;

import java.util.Optional;

/**
 * For the tests of other packages (ADR 0069 item 8, {@code SnapshottedStreamReadersTest}): the registration aggregate on the registry's store
 * with Axon's snapshotter as the registry configures it, and the reader of this package that reads a registration's stream beside it.
 */
public final class RegistrationStreamReaders {

    private RegistrationStreamReaders() {
    }

    /** The registration aggregate, its snapshots and its store on {@code database} (fresh). */
    public static SnapshotLoads<?> snapshotBench(MongoDatabase database) {
        ZoneRegistrationTest.Services services = new ZoneRegistrationTest.Services();
        return SnapshotLoads.on(database, ZoneRegistration.class, ZoneRegistrationAbuseFixture.aggregate(),
                c -> c.registerComponent(RegistrationServices.class, x -> services));
    }

    /**
     * {@link RegistryRegistrationServices#courtDecisionRecordedElsewhere} on {@code events}, the claim of the court decision's document
     * {@code sha256} held by {@code recordedBy} (the registration that recorded it last).
     */
    public static Optional<RegistrationEvents.CourtDissolutionRecorded> courtDecisionRecordedElsewhere(EventStore events, String sha256,
                                                                                                   RegistrationId recordedBy) {
        DocumentClaims claims = Mockito.mock(DocumentClaims.class);
        Mockito.when(claims.grounds(sha256, DocumentKind.ZONE_COURT_DECISION))
                .thenReturn(Optional.of(DocumentClaims.Grounds.REGISTRATION.of(recordedBy.stream())));
        return new RegistryRegistrationServices(null, null, null, new ActDocumentClaims(claims), events, null, null).courtDecisionRecordedElsewhere(sha256);
    }
}

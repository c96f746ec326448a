package mn.registry.freezone.query;

import com.mongodb.client.MongoDatabase;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.identity.PersonId;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;

/**
 * What an entity's representative reads of its Free Zone registration (ADR 0013 §5; 003 art. 12.1-12.2) over one test database: the
 * projection, fed events as the event store delivers a registration's stream (one sequence over the feed, each message naming its signer),
 * and its reader. The set-up the readers' tests share ({@link ApplicantRegistrationsTest}, {@link EntitysRepresentativeReadsItsFileTest},
 * {@link FreeZoneAbuseRound32ReadersTest}).
 */
final class RegistrationFeed {

    final ApplicantRegistrationProjection projection;
    final ApplicantRegistrations registrations;
    private long sequence;

    RegistrationFeed(MongoDatabase database) {
        projection = new ApplicantRegistrationProjection(database);
        registrations = new ApplicantRegistrations(database);
    }

    /** Delivers {@code event} of registration {@code id}, signed by {@code signer} (null: none named), to the projection: the message. */
    GenericDomainEventMessage<Object> deliver(RegistrationId id, Object event, PersonId signer) {
        MetaData meta = signer == null ? MetaData.emptyInstance() : MetaData.with("signedBy", signer.value());
        GenericDomainEventMessage<Object> message = new GenericDomainEventMessage<>("ZoneRegistration", id.value(), sequence++, event, meta);
        projection.on(event, message);
        return message;
    }
}

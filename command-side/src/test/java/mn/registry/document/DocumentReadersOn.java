package mn.registry.document;

import mn.registry.infrastructure.identity.Actor;
import mn.registry.kernel.problem.RegistryProblem;
import org.axonframework.eventsourcing.eventstore.EventStore;

/** For the tests of other packages (ADR 0069 item 8): whether {@link DocumentReaders} on {@code events} admits a reader. */
public final class DocumentReadersOn {

    private DocumentReadersOn() {
    }

    /** Whether {@code reader} may read document {@code sha256} through {@code registration}, as the document's page asks. */
    public static boolean admits(EventStore events, Actor reader, String sha256, String registration) {
        try {
            new DocumentReaders(events).admit(reader, sha256, registration);
            return true;
        } catch (RegistryProblem refused) {
            return false;
        }
    }
}

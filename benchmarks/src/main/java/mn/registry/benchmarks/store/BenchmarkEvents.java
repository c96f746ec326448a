package mn.registry.benchmarks.store;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;

import java.time.LocalDate;

/** A representative registry event: a few hundred bytes of JSON payload. */
public final class BenchmarkEvents {

    /** Shape of a permit decision event, for sizing only. */
    public record PermitDecisionRecorded(String permitNumber, String applicant, String decision, String article,
                                         LocalDate decidedOn, LocalDate validUntil, String reviewer, String note) {
    }

    private BenchmarkEvents() {
    }

    public static DomainEventMessage<PermitDecisionRecorded> event(String aggregate, long seq) {
        return new GenericDomainEventMessage<>("Permit", aggregate, seq, new PermitDecisionRecorded(
                "MN-002-" + aggregate, "ХХК Тэст компани " + aggregate, "GRANTED", "002 art. 26.1",
                LocalDate.of(2026, 3, 2), LocalDate.of(2029, 3, 1), "reviewer-17",
                "Бүх баримт бичиг бүрдсэн. All documents complete; fee paid; no objection received within the period."));
    }
}

package mn.registry.web;

import mn.registry.kernel.permit.ApplicationId;
import mn.registry.kernel.look.Folded;
import mn.registry.kernel.permit.RevocationGrounds;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Optional;

/**
 * ADR 0065: the command side's answer for a permit, asked at the registry's clock now (as a receipt now would be judged), for the pages
 * that offer a revocation or show the holder's request to revoke: the supervisor's desk and the holder's page. Empty when no permit has the
 * id, or no command side runs in this application (the pages then offer no ground and show no request).
 */
@Component
public class RevocationAnswers {

    private final ObjectProvider<RevocationGrounds> grounds;
    private final Clock clock;

    RevocationAnswers(ObjectProvider<RevocationGrounds> grounds, Clock clock) {
        this.grounds = grounds;
        this.clock = clock;
    }

    public Optional<RevocationGrounds.Answer> of(String applicationId) {
        RevocationGrounds answers = grounds.getIfAvailable();
        return answers == null ? Optional.empty() : answers.at(new ApplicationId(applicationId), clock.instant());
    }

    /**
     * As {@link #of}, with the position of the permit's last event the answer folded, which the page waits for (ADR 0071 item 10). Asked
     * before the page reads the register, so an id that names no permit (not even an application id's form) is answered empty here, and
     * the page answers as it did (not found, or forbidden to a holder).
     */
    public Optional<Folded<RevocationGrounds.Answer>> folded(String applicationId) {
        return folded(applicationId, null, null);
    }

    /**
     * As {@link #folded(String)}, asked for the signed-in {@code official} whose grant in force now names {@code officialsCompany} (null: none):
     * the answer says whether they act for the holder on the aggregate's state now (ADR 0046 item 156; abuse audit F523, was O406).
     */
    public Optional<Folded<RevocationGrounds.Answer>> folded(String applicationId, mn.registry.kernel.identity.PersonId official, String officialsCompany) {
        RevocationGrounds answers = grounds.getIfAvailable();
        if (answers == null) {
            return Optional.empty();
        }
        ApplicationId id;
        try {
            id = new ApplicationId(applicationId);
        } catch (IllegalArgumentException notAnApplicationId) {
            return Optional.empty();
        }
        return official == null ? answers.foldedAt(id, clock.instant()) : answers.foldedAt(id, clock.instant(), official, officialsCompany);
    }

    /**
     * As {@link #folded}, for a page that reads it beside the register ({@code AnswerBesideTheRegister}, ADR 0071 item 15): an id that names no
     * permit is answered empty at position 0, which the page neither waits for nor compares.
     */
    public Folded<Optional<RevocationGrounds.Answer>> foldedOrNone(String applicationId) {
        return foldedOrNone(applicationId, null, null);
    }

    /** As {@link #foldedOrNone(String)}, asked for {@code official} (F523: {@link #folded(String, mn.registry.kernel.identity.PersonId, String)}). */
    public Folded<Optional<RevocationGrounds.Answer>> foldedOrNone(String applicationId, mn.registry.kernel.identity.PersonId official,
                                                                 String officialsCompany) {
        return folded(applicationId, official, officialsCompany).map(found -> found.map(Optional::of)).orElse(new Folded<>(Optional.empty(), 0));
    }
}

package mn.registry.kernel.freezone;

import mn.registry.kernel.identity.PersonId;

import java.util.Map;
import java.util.Optional;

/**
 * 003 art. 8.7.7, 22.2, 22.5 (ADR 0035 item 81; abuse audit F396, was O223): which of the governor's land acts the zone's land register would
 * record now, at the registry's clock, on the signed-in governor's signature, judged by the rules its command handlers refuse by: the land
 * desk offers those acts only, and says why it offers no other. One answer for the whole zone (one land register per zone).
 *
 * @param applications for each application still pending in the register: whether a grant and a refusal of it would be recorded
 * @param fees         for each licence granted whose certificate is not issued (nor revoked, nor lapsed): whether its fee would be recorded
 * @param reports      for the same licences: whether the holder's report of its fee paid (003 art. 22.5, 22.7; ADR 0035 items 22, 83) would be
 *                     recorded on the same person's signature, for the holder's page (abuse audit F391, was O239)
 * @param withdrawals  for each application still pending: whether its withdrawal (003 art. 22.2; ADR 0035 item 86, F416, was O244) would be
 *                     recorded on the same person's signature, for the holder's page
 * @param selections   for each application still pending: whether the result of the tender or auction it named (003 art. 22.4; ADR 0035
 *                     item 130, F541, was O364) would be recorded on the same person's signature, for the land desk
 * @param annulments   for each application still pending whose result stands: whether its annulment (003 art. 22.4; ADR 0035 item 146, F582,
 *                     was O440) would be recorded on the same person's signature, for the land desk
 */
public record LandActs(Map<LandApplicationId, Decision> applications, Map<LandLicenceId, Verdict> fees, Map<LandLicenceId, Verdict> reports,
                       Map<LandApplicationId, Verdict> withdrawals, Map<LandApplicationId, Verdict> selections,
                       Map<LandApplicationId, Verdict> annulments) {

    /** No land register answered (no command side here, or no application received in the zone yet): no land act is offered. */
    public static final LandActs NONE = new LandActs(Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of());

    /** As before session 32: no annulment answered (ADR 0035 item 146). */
    public LandActs(Map<LandApplicationId, Decision> applications, Map<LandLicenceId, Verdict> fees, Map<LandLicenceId, Verdict> reports,
                    Map<LandApplicationId, Verdict> withdrawals, Map<LandApplicationId, Verdict> selections) {
        this(applications, fees, reports, withdrawals, selections, Map.of());
    }

    public LandActs {
        applications = Map.copyOf(applications);
        fees = Map.copyOf(fees);
        reports = Map.copyOf(reports);
        withdrawals = Map.copyOf(withdrawals);
        selections = Map.copyOf(selections);
        annulments = Map.copyOf(annulments);
    }

    /**
     * The register's verdict on annulling the result of the tender or auction recorded for {@code application} (003 art. 22.4; ADR 0035 item 146,
     * F582, was O440), for the land desk; empty when it holds no pending application with a result standing.
     */
    public Optional<Verdict> annulmentOf(LandApplicationId application) {
        return Optional.ofNullable(annulments.get(application));
    }

    /** The register's verdict on recording the result that selected {@code application}; empty when it holds no such pending application. */
    public Optional<Verdict> selectionOf(LandApplicationId application) {
        return Optional.ofNullable(selections.get(application));
    }

    /** Accepted, or refused with the stable code of the problem the act would be refused with. */
    public record Verdict(String refusedWith) {

        public static final Verdict ACCEPTED = new Verdict(null);

        public boolean accepted() {
            return refusedWith == null;
        }
    }

    /** The verdicts on a grant and on a refusal of one pending application (003 art. 22.2). */
    public record Decision(Verdict grant, Verdict refusal) {
    }

    /** The register's verdicts on {@code application}; empty when it holds no such pending application. */
    public Optional<Decision> on(LandApplicationId application) {
        return Optional.ofNullable(applications.get(application));
    }

    /** The register's verdict on the fee of {@code licence}; empty when it holds no such licence awaiting its certificate. */
    public Optional<Verdict> feeOf(LandLicenceId licence) {
        return Optional.ofNullable(fees.get(licence));
    }

    /** The register's verdict on the holder's report of the fee of {@code licence} paid; empty when it holds no such licence awaiting its certificate. */
    public Optional<Verdict> reportOf(LandLicenceId licence) {
        return Optional.ofNullable(reports.get(licence));
    }

    /** The register's verdict on the withdrawal of {@code application} by its applicant; empty when it holds no such pending application. */
    public Optional<Verdict> withdrawalOf(LandApplicationId application) {
        return Optional.ofNullable(withdrawals.get(application));
    }

    /** The command side's answer to the land desk and to the holder's page (each reads the acts of its own role). */
    public interface OfTheZone {

        /**
         * The land acts the zone's land register would record now on {@code signer}'s signature, for the land desk (a governor's grant names no
         * company); empty when the zone has no land register.
         */
        default Optional<LandActs> now(ZoneId zone, PersonId signer) {
            return foldedNow(zone, signer).map(mn.registry.kernel.look.Folded::answer);
        }

        /** As {@link #now}, with the position of the land register's last event the answer folded, which a page waits for (ADR 0071 item 10). */
        default Optional<mn.registry.kernel.look.Folded<LandActs>> foldedNow(ZoneId zone, PersonId signer) {
            return foldedNow(zone, signer, null);
        }

        /**
         * As {@link #foldedNow(ZoneId, PersonId)}, on the signature of {@code signer} whose grant of the applicant's role in force now names
         * {@code company} (its state registration number; null: none), for the holder's page: the entity's land acts are judged on that grant as
         * the register judges them at its receipt (003 art. 12.1, 22.2, 22.5; 001 art. 23.1.1; ADR 0035 items 103-104, F524-F525).
         */
        Optional<mn.registry.kernel.look.Folded<LandActs>> foldedNow(ZoneId zone, PersonId signer, String company);

        /**
         * Whether an application for land in {@code zone} in {@code applicant}'s name, signed by {@code signer} whose grant in force now names
         * {@code company} (null: none), would be recorded now as far as who applies decides (the zone open, the entity registered in it with no
         * ground of 003 art. 12.5 raised, the signer its representative for its own entity; ADR 0035 items 84, 103-104, F402, F507, F524-F525):
         * what the application names is left to the act. Answered with or without a land register in the zone.
         */
        Verdict applicationBy(ZoneId zone, RegistrationId applicant, PersonId signer, String company);

        /**
         * 003 art. 23.4; 001 art. 23.1.1 (ADR 0035 items 9, 110, 126; abuse audit F530, was O391): whether the Government's land-fee exemption of
         * {@code holder} would be recorded now on the Cabinet member {@code signer}'s signature, whose grant of the applicant's role in force now
         * names {@code company} (null: none), as far as the holder decides (of the zone, registered, no ground of 12.5 raised or due, not
         * represented by the signer: neither their application's signer nor named by their grant); what the decision names is left to the act.
         * For the Cabinet's desk, which offers the exemption's form for a holder only then. No register read.
         */
        Verdict exemptionFor(ZoneId zone, RegistrationId holder, PersonId signer, String company);

        /**
         * 003 art. 22.3 (ADR 0035 items 142, 149-150; abuse audit F585-F586, was O450-O451): whether the second signature of the lower basic value
         * of land recorded in {@code zone} under the Government decision's reference {@code decision} would be recorded now on the Cabinet member
         * {@code signer}'s signature (not their own record, awaiting, not superseded, not lapsed); empty when the zone has no land register or no
         * command side answers. For the Cabinet's desk, which offers the confirmation's form for a value only then.
         */
        default Optional<Verdict> baseValueConfirmationBy(ZoneId zone, String decision, PersonId signer) {
            return Optional.empty();
        }
    }
}

package mn.registry.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.freezone.Activity;
import mn.registry.kernel.freezone.DeregistrationGround;
import mn.registry.kernel.freezone.GeoPolygon;
import mn.registry.kernel.freezone.Jurisdiction;
import mn.registry.kernel.freezone.LandApplicationId;
import mn.registry.kernel.freezone.LandCommands;
import mn.registry.kernel.freezone.LegalEntity;
import mn.registry.kernel.freezone.RegistrationCommands;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.freezone.SubmittedZoneDocument;
import mn.registry.kernel.freezone.ZoneDocument;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.permit.ApplicationId;
import mn.registry.kernel.permit.ApplyForPermit;
import mn.registry.kernel.permit.ApprovePermitApplication;
import mn.registry.kernel.permit.Company;
import mn.registry.kernel.permit.IssuePermit;
import mn.registry.kernel.money.Money;
import mn.registry.kernel.permit.RecordPermitInsurance;
import mn.registry.kernel.permit.RevocationGround;
import mn.registry.kernel.permit.RevokePermit;
import mn.registry.kernel.permit.SetMinimumInsurance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.LocalDate;
import java.util.List;
import java.util.function.BooleanSupplier;

import static mn.registry.standalone.RunningRegistry.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * ADR 0013 §8 over HTTP on a running registry: a signed command whose published text holds a person's civil registration
 * number, phone number or e-mail address is answered 400 with the field and the article, and leaves nothing behind (no
 * event, no command-log entry, no receipt number); the same act with clean text is carried out; a revocation whose
 * withheld reason holds all three is accepted and none of them reaches the public feed (issue 14, "done when").
 */
class PublishedTextEndToEndTest {

    static final String ARTICLE = "002 art. 15.3, 30.1 (domain-rules §5)";
    static final String CODE = "privacy.personal-details-in-published-text";
    static final String CONTRACT = "ab".repeat(32);
    static final ZoneId ALTANBULAG = ZoneId.of("altanbulag");
    static final LegalEntity AMBER = new LegalEntity("Khiagt Amber LLC", Jurisdiction.MONGOLIAN, null, "6301001");
    static final GeoPolygon LOT = GeoPolygon.of(106.44, 50.315, 106.45, 50.315, 106.45, 50.32, 106.44, 50.32);

    @RegisterExtension
    static final RunningRegistry registry = new RunningRegistry("--registry.log.checkpoint-interval=100ms");

    /** 400 with the code, the field and the article, and no trace of the command in the events or the command log. */
    private static void refusedNothingStored(RunningRegistry.Sent sent, String field) {
        registry.refused(sent, 400, CODE, field, ARTICLE);
        assertThat(sent.reply().body().path("article").asText()).isEqualTo(ARTICLE);
    }

    private static LocalDate today() {
        return UlaanbaatarTime.dateOf(registry.clock().instant());
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("timed out waiting for " + what);
    }

    @Test
    @DisplayName("002 art. 15.3, 26.6: a phone or e-mail in a permit's conditions or activity is refused 400 naming the field, nothing stored; clean text issues; a revocation's withheld reason keeps a civil number, phone and e-mail out of the feed")
    void permit_conditions_are_screened_and_a_withheld_reason_is_accepted() throws InterruptedException {
        String reviewer = registry.client().signIn("reviewer-1");
        await("the demo applications", () -> registry.client().get("/api/reviewer/applications", reviewer).body().size() >= 2);
        ApplicationId id = new ApplicationId(registry.client().get("/api/reviewer/applications", reviewer).body().get(0).path("applicationId").asText());
        ok(registry.send("supervisor-1", "SetMinimumInsurance", new SetMinimumInsurance(Money.mnt(100_000_000))));
        ok(registry.send("reviewer-1", "ApprovePermitApplication", new ApprovePermitApplication(id)));
        ok(registry.send("applicant-1", "RecordPermitInsurance", new RecordPermitInsurance(id, "Mongol Daatgal", "POL-1", Money.mnt(200_000_000),
                today().plusYears(1), proof())));

        refusedNothingStored(registry.send("supervisor-1", "IssuePermit", new IssuePermit(id, "Issuing signature certificates",
                List.of("Keep the database in Mongolia", "Questions: director, утас 9911-2233"), null, proof())), "conditions[1]");
        refusedNothingStored(registry.send("supervisor-1", "IssuePermit", new IssuePermit(id, "Issuing signature certificates (bat.erdene@tamga.mn)",
                List.of("Keep the database in Mongolia"), null, proof())), "activity");
        ok(registry.send("supervisor-1", "IssuePermit", new IssuePermit(id, "Issuing signature certificates",
                List.of("Keep the database in Mongolia", "Report under 002 art. 20.3.3 within 3 working days; fee 90 000 000 төгрөг"), null, proof())));

        // issue 14: the reason is withheld by selective disclosure, so it may say whom the case concerns
        ok(registry.send("supervisor-1", "RevokePermit", new RevokePermit(id, RevocationGround.FALSE_DOCUMENTS,
                "Forged audit report signed by director УБ99010112, phone +976 8811 2233, e-mail director@tamga.mn",
                ReceiptTimeEndToEndTest.upload(registry.context(), "the finding of false documents of " + id))));
        await("the revocation in the public feed", () -> registry.client().get("/api/public/feed").body().toString().contains("PermitRevoked"));
        String feed = registry.client().get("/api/public/feed").body().toString();
        assertThat(feed).contains("Keep the database in Mongolia").doesNotContain("УБ99010112", "8811 2233", "director@tamga.mn", "Forged audit report");
    }

    @Test
    @DisplayName("002 art. 15.3, 26.2.1: an e-mail in the applicant company's address is refused before a receipt number is taken")
    void application_with_an_e_mail_in_the_address_takes_no_receipt_number() {
        ApplyForPermit first = ReceiptTimeEndToEndTest.permitApplicationFor(registry.context(), "Tamga Trust LLC", "6001001");
        String firstReceipt = ok(registry.send("applicant-1", "ApplyForPermit", first)).path("receiptNumber").asText();
        ApplyForPermit dirty = ReceiptTimeEndToEndTest.permitApplicationFor(registry.context(), "Tamga Sign LLC", "6001002");
        refusedNothingStored(registry.send("applicant-1", "ApplyForPermit", new ApplyForPermit(new Company("Tamga Sign LLC", "6001002", true,
                "Peace Avenue 1, Ulaanbaatar; write to bat [at] tamga [dot] mn"), false, dirty.documents())), "company.address");
        String next = ok(registry.send("applicant-1", "ApplyForPermit", dirty)).path("receiptNumber").asText();
        long firstSerial = Long.parseLong(firstReceipt.substring(firstReceipt.lastIndexOf('-') + 1));
        assertThat(next).as("the refused application used no number").endsWith(String.format("-%06d", firstSerial + 1));
    }

    @Test
    @DisplayName("003 art. 22.2, 12.5: a civil number in a land purpose, a phone in the governor's decision, an e-mail in deregistration reasons are refused naming the field; clean acts pass")
    void free_zone_text_is_screened() {
        List<SubmittedZoneDocument> documents = ZoneDocument.requiredFor(AMBER.jurisdiction()).stream()
                .map(kind -> new SubmittedZoneDocument(kind, ReceiptTimeEndToEndTest.upload(registry.context(), AMBER.name() + " " + kind))).toList();
        refusedNothingStored(registry.send("applicant-1", "ApplyForZoneRegistration", new RegistrationCommands.ApplyForZoneRegistration(ALTANBULAG,
                new LegalEntity("Khiagt Amber LLC, owner УБ 85121314", Jurisdiction.MONGOLIAN, null, "6301001"), Activity.TRADE, documents)), "entity.name");
        ok(registry.send("applicant-1", "ApplyForZoneRegistration", new RegistrationCommands.ApplyForZoneRegistration(ALTANBULAG, AMBER, Activity.TRADE, documents)));
        RegistrationId registration = RegistrationId.of(ALTANBULAG, AMBER);
        ok(registry.send("governor-altanbulag", "RegisterEntity", new RegistrationCommands.RegisterEntity(registration)));

        LocalDate from = today().plusDays(1);
        LocalDate until = today().plusYears(10);
        refusedNothingStored(registry.send("applicant-1", "ApplyForLandUse", new LandCommands.ApplyForLandUse(ALTANBULAG, registration, "Lot 9", LOT,
                "amber workshop of citizen УБ99010112", from, until, LandCommands.AllocationMethod.AUCTION)), "purpose");
        JsonNode applied = ok(registry.send("applicant-1", "ApplyForLandUse", new LandCommands.ApplyForLandUse(ALTANBULAG, registration, "Lot 9", LOT,
                "amber workshop", from, until, LandCommands.AllocationMethod.AUCTION)));
        LandApplicationId application = new LandApplicationId(applied.path("applicationId").asText());
        refusedNothingStored(registry.send("governor-altanbulag", "GrantLandRights", new LandCommands.GrantLandRights(ALTANBULAG, registration, "Lot 9", LOT,
                "amber workshop", from, until, LandCommands.AllocationMethod.AUCTION, Money.mnt(45_000_000),
                "Governor decision 2026/71, contact officer 9911 2233", application)), "decision");
        LandSelectionStep.selected(registry, "governor-altanbulag", application, Money.mnt(45_000_000));
        ok(registry.send("governor-altanbulag", "GrantLandRights", new LandCommands.GrantLandRights(ALTANBULAG, registration, "Lot 9", LOT,
                "amber workshop", from, until, LandCommands.AllocationMethod.AUCTION, Money.mnt(45_000_000),
                "Governor decision 2026/71 of " + today(), application)));

        // the court file is withheld: its reference may name the parties; the deregistration's reasons are published
        ok(registry.send("governor-altanbulag", "RecordCourtDecision", new RegistrationCommands.RecordCourtDecision(registration,
                "Civil case 2026/118, claimant УБ99010112, tel. 8811 2233", today(), false, ReceiptTimeEndToEndTest.upload(registry.context(), "court decision " + registration))));
        refusedNothingStored(registry.send("governor-altanbulag", "DeregisterEntity", new RegistrationCommands.DeregisterEntity(registration,
                DeregistrationGround.COURT_DECISION, "Dissolved by the court; liquidator liquidator@amber.mn")), "reasons");
        ok(registry.send("governor-altanbulag", "DeregisterEntity", new RegistrationCommands.DeregisterEntity(registration,
                DeregistrationGround.COURT_DECISION, "Dissolved by the court (003 art. 12.5.3), civil case 2026/118")));
    }

    /** The policy, contract or evidence an act names: a document uploaded first, as the registry requires (ADR 0046 item 13). */
    static String proof() {
        return ReceiptTimeEndToEndTest.upload(registry.context(), "the insurance policy, the contract or the reorganisation's evidence");
    }
}

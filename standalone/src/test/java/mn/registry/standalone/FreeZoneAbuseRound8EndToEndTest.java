package mn.registry.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.freezone.Activity;
import mn.registry.kernel.freezone.Jurisdiction;
import mn.registry.kernel.freezone.LegalEntity;
import mn.registry.kernel.freezone.RegistrationCommands;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.freezone.SubmittedZoneDocument;
import mn.registry.kernel.freezone.ZoneDocument;
import mn.registry.kernel.freezone.ZoneId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static mn.registry.standalone.RunningRegistry.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 16's abuse audit of the Free Zone on a running registry (docs/abuse-audit.md F160 on; ADR 0035 items 23 on): each act the law
 * forbids is refused over HTTP as {@code application/problem+json} with its code, field and article, and leaves no event and no command.
 */
class FreeZoneAbuseRound8EndToEndTest {

    static final ZoneId ALTANBULAG = ZoneId.of("altanbulag");

    @RegisterExtension
    static final RunningRegistry registry = new RunningRegistry();

    private static LocalDate today() {
        return UlaanbaatarTime.dateOf(registry.clock().instant());
    }

    private static RegistrationId registered(LegalEntity entity) {
        List<SubmittedZoneDocument> documents = ZoneDocument.requiredFor(entity.jurisdiction()).stream()
                .map(kind -> new SubmittedZoneDocument(kind, ReceiptTimeEndToEndTest.upload(registry.context(), entity.name() + " " + kind))).toList();
        ok(registry.send("applicant-1", "ApplyForZoneRegistration", new RegistrationCommands.ApplyForZoneRegistration(ALTANBULAG, entity,
                Activity.TRADE, documents)));
        RegistrationId registration = RegistrationId.of(ALTANBULAG, entity);
        ok(registry.send("governor-altanbulag", "RegisterEntity", new RegistrationCommands.RegisterEntity(registration)));
        return registration;
    }

    @Test
    @DisplayName("003 art. 12.5.1, 23.1-23.2 (choice, ADR 0035 item 23, F160, was O90): a start of operations without its document, or with a "
            + "document never received, is refused; with it, the day it names is the start the desk shows; another entity's start citing "
            + "that document is refused")
    void a_start_of_operations_rests_on_its_document() throws InterruptedException {
        RegistrationId first = registered(new LegalEntity("Orkhon Start Trading LLC", Jurisdiction.MONGOLIAN, null, "6416001"));
        RegistrationId second = registered(new LegalEntity("Selbe Start Trading LLC", Jurisdiction.MONGOLIAN, null, "6416002"));
        LocalDate began = today().plusDays(3);
        registry.clock().advance(Duration.ofDays(40)); // the governor records the start 37 days after it

        registry.refused(registry.send("governor-altanbulag", "RecordOperationsStarted", new RegistrationCommands.RecordOperationsStarted(first,
                began, null)), 400, "freezone.field-missing", "documentSha256", "003 art. 12.5.1, 23.1-23.2");
        registry.refused(registry.send("governor-altanbulag", "RecordOperationsStarted", new RegistrationCommands.RecordOperationsStarted(first,
                began, "4".repeat(64))), 400, "document.unknown", "documentSha256", "003 art. 12.5.1, 23.1-23.2");

        String notice = ReceiptTimeEndToEndTest.upload(registry.context(), "Notice of the start of operations " + first);
        ok(registry.send("governor-altanbulag", "RecordOperationsStarted", new RegistrationCommands.RecordOperationsStarted(first, began, notice)));
        JsonNode entities = registry.await("/api/governor/zones/altanbulag/entities", registry.signIn("governor-altanbulag"),
                list -> list.toString().contains("\"operationsStartedOn\":\"" + began + "\""));
        assertThat(entities.toString()).doesNotContain("\"operationsStartedOn\":\"" + today() + "\"");

        registry.refused(registry.send("governor-altanbulag", "RecordOperationsStarted", new RegistrationCommands.RecordOperationsStarted(second,
                began, notice)), 409, "freezone.document-cited-elsewhere", "documentSha256", "003 art. 12.5.1, 23.1-23.2");
    }
}

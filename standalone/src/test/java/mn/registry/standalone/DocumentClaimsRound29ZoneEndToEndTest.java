package mn.registry.standalone;

import mn.registry.kernel.freezone.Activity;
import mn.registry.kernel.freezone.Jurisdiction;
import mn.registry.kernel.freezone.LegalEntity;
import mn.registry.kernel.freezone.RegistrationCommands;
import mn.registry.kernel.freezone.SubmittedZoneDocument;
import mn.registry.kernel.freezone.ZoneDocument;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static mn.registry.standalone.RunningRegistry.ok;

/**
 * Session 29, claims round 29 (ADR 0057 item 13; abuse audit F508, was O302), over HTTP on a running registry: a Free Zone application's
 * papers are its entity's own; another entity naming one is refused as problem+json, nothing stored; the entity's own application in the
 * other zone on them is accepted.
 */
class DocumentClaimsRound29ZoneEndToEndTest {

    @RegisterExtension
    static final FreeZoneRegistry registry = new FreeZoneRegistry();

    @Test
    @DisplayName("003 art. 12.1.1 (F508, was O302; ADR 0057 item 13): another entity's application in Zamyn-Uud naming an Altanbulag entity's "
            + "state registration certificate is refused 409 document.claimed-by-another-company.zone-application-document, nothing stored; "
            + "the entity itself applies in Zamyn-Uud on it, and the other on papers of its own")
    void another_entitys_zone_papers_are_refused_over_http() {
        LegalEntity owner = new LegalEntity("Zone Claims Twenty-Nine LLC", Jurisdiction.MONGOLIAN, null, "6129101");
        LegalEntity other = new LegalEntity("Other Zone Twenty-Nine LLC", Jurisdiction.MONGOLIAN, null, "6129102");
        registry.registeredIn(FreeZoneRegistry.ALTANBULAG, owner);
        String certificate = registry.documentsOf(owner).stream().filter(d -> d.kind() == ZoneDocument.STATE_REGISTRATION_CERTIFICATE)
                .map(SubmittedZoneDocument::sha256).findFirst().orElseThrow();
        List<SubmittedZoneDocument> others = registry.documentsOf(other);

        registry.refused(registry.send("applicant-1", "ApplyForZoneRegistration", new RegistrationCommands.ApplyForZoneRegistration(
                FreeZoneRegistry.ZAMYN_UUD, other, Activity.TRADE, others.stream().map(d -> d.kind() == ZoneDocument.STATE_REGISTRATION_CERTIFICATE
                        ? new SubmittedZoneDocument(d.kind(), certificate) : d).toList())), 409,
                "document.claimed-by-another-company.zone-application-document", "documents.STATE_REGISTRATION_CERTIFICATE", "003 art. 12.1.1");

        registry.registeredAlsoIn(FreeZoneRegistry.ZAMYN_UUD, owner);
        ok(registry.send("applicant-1", "ApplyForZoneRegistration", new RegistrationCommands.ApplyForZoneRegistration(FreeZoneRegistry.ZAMYN_UUD,
                other, Activity.TRADE, others)));
    }
}

package mn.registry.standalone;

import mn.registry.kernel.freezone.Jurisdiction;
import mn.registry.kernel.freezone.LegalEntity;
import mn.registry.kernel.freezone.SubmittedZoneDocument;
import mn.registry.kernel.freezone.ZoneDocument;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static mn.registry.standalone.RunningRegistry.ok;

/**
 * Session 27, claims (ADR 0057 "Session 27"; abuse audit F450, was O218) on a running registry over HTTP: a company's state registration
 * certificate serves its Free Zone application and its permit application; another company's permit application on it is refused.
 */
class DocumentClaimsRound27ZoneEndToEndTest {

    @RegisterExtension
    static final FreeZoneRegistry registry = new FreeZoneRegistry();

    @Test
    @DisplayName("002 art. 25.1.1; 003 art. 12.1.1 (F450, was O218): a permit application naming another company's Free Zone application "
            + "certificate is refused, nothing stored; the company naming its own certificate in both registers is accepted")
    void a_certificate_serves_one_companys_applications_in_both_registers() {
        LegalEntity entity = new LegalEntity("Zone Claims Twenty-Seven LLC", Jurisdiction.MONGOLIAN, null, "6127101");
        registry.registeredIn(FreeZoneRegistry.ALTANBULAG, entity);
        String certificate = registry.documentsOf(entity).stream().filter(d -> d.kind() == ZoneDocument.STATE_REGISTRATION_CERTIFICATE)
                .map(SubmittedZoneDocument::sha256).findFirst().orElseThrow();

        // session 29: refused as another company's paper (ADR 0057 item 13 made the zone kind one entity's; ADR 0061 item 44's refusal across
        // a shared pair), where it was refused as another act's before
        registry.refused(registry.send("applicant-1", "ApplyForPermit", DocumentClaimsRound27EndToEndTest.applicationOn(registry,
                "Another Zone Twenty-Seven LLC", "6127102", certificate)), 409, "document.claimed-by-another-company.zone-application-document",
                "documents.STATE_REGISTRATION_CERTIFICATE", "002 art. 25.1.1");
        ok(registry.send("applicant-1", "ApplyForPermit", DocumentClaimsRound27EndToEndTest.applicationOn(registry, entity.name(), "6127101",
                certificate)));
    }
}

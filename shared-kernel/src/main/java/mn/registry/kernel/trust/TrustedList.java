package mn.registry.kernel.trust;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The trusted list document (JSON, in the spirit of ETSI TS 119 612): scheme information, then one provider per
 * special permit with its certification service, the service's status at the list's instant and its status history up
 * to that instant. A list "as at" an earlier instant leaves out every later change, so the same instant always gives
 * the same list.
 */
public final class TrustedList {

    public static final String TYPE = "https://registry.mn/TrstSvc/TSLType/002-certification-service-providers";
    public static final String SERVICE_TYPE = "http://uri.etsi.org/TrstSvc/Svctype/CA/PKC";
    public static final String SCHEME_OPERATOR = "Mongolian Regulatory Registry";

    /** One provider's service as recorded: the permit that grants it and its whole status history, oldest first. */
    public record Service(String applicationId, String permitNumber, List<ServiceStatus> history) {
        public Service {
            history = history.stream().sorted(Comparator.comparing(ServiceStatus::startingTime)).toList();
        }

        /** The last status that started at or before {@code at}; empty if the permit was not yet issued then. */
        public Optional<ServiceStatus> statusAt(Instant at) {
            ServiceStatus current = null;
            for (ServiceStatus s : history) {
                if (!s.startingTime().isAfter(at)) {
                    current = s;
                }
            }
            return Optional.ofNullable(current);
        }
    }

    private TrustedList() {
    }

    /**
     * The list as at {@code at}, issued at {@code issued}; {@code historical} when it answers a question about the past.
     * Services are ordered by permit number.
     */
    public static ObjectNode document(List<Service> services, Instant at, Instant issued, boolean historical) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode list = f.objectNode();
        ObjectNode scheme = list.putObject("schemeInformation");
        scheme.put("tslType", TYPE);
        scheme.put("schemeOperatorName", SCHEME_OPERATOR);
        scheme.put("schemeName", "MN: special permits to issue electronic-signature certificates (Law on Electronic Signatures, ch. 6)");
        scheme.put("schemeTerritory", "MN");
        scheme.put("statusDeterminationApproach", "A provider's certificates are trusted for new signatures only while its special "
                + "permit is active (002 art. 28.2): status granted. Suspended: no new certificates; withdrawn: permit revoked or expired.");
        scheme.put("listIssueDateTime", issued.toString());
        scheme.put("statusAt", at.toString());
        scheme.put("historical", historical);
        ArrayNode providers = list.putArray("trustServiceProviders");
        services.stream().sorted(Comparator.comparing(Service::permitNumber)).forEach(service -> service.statusAt(at).ifPresent(now -> {
            ObjectNode provider = providers.addObject();
            provider.put("name", now.providerName());
            provider.put("registrationNumber", now.providerRegistrationNumber());
            ObjectNode s = provider.putArray("services").addObject();
            s.put("serviceTypeIdentifier", SERVICE_TYPE);
            s.put("serviceName", "Certification service of " + now.providerName() + " under special permit " + service.permitNumber());
            s.put("permitNumber", service.permitNumber());
            s.put("applicationId", service.applicationId());
            s.put("status", now.status().name().toLowerCase(java.util.Locale.ROOT));
            s.put("serviceStatus", now.status().uri());
            s.put("statusStartingTime", now.startingTime().toString());
            s.put("trustedForNewCertificates", now.status().trustedForNewCertificates());
            ObjectNode identity = s.putObject("serviceDigitalIdentity");
            identity.putArray("x509Certificates");
            identity.put("identifiedBy", "special permit number " + service.permitNumber() + " and the holder's company registration number "
                    + now.providerRegistrationNumber() + "; the permit's events carry no CA certificate yet");
            ArrayNode history = s.putArray("serviceHistory");
            for (ServiceStatus h : service.history()) {
                if (h.startingTime().isAfter(at)) {
                    break;
                }
                ObjectNode entry = history.addObject();
                entry.put("status", h.status().name().toLowerCase(java.util.Locale.ROOT));
                entry.put("serviceStatus", h.status().uri());
                entry.put("statusStartingTime", h.startingTime().toString());
                entry.put("providerName", h.providerName());
                entry.put("decision", h.event());
                if (h.article() != null) {
                    entry.put("article", h.article());
                }
            }
        }));
        return list;
    }
}

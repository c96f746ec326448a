package mn.registry.command.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import mn.registry.kernel.crypto.CanonicalJson;
import mn.registry.kernel.freezone.FreeZonePublicRecords;
import mn.registry.kernel.freezone.LandEvents;
import mn.registry.kernel.freezone.RegistrationEvents;
import mn.registry.kernel.identity.PersonalDataErased;
import mn.registry.kernel.log.PublicRecords;
import mn.registry.kernel.money.Money;
import mn.registry.kernel.permit.*;
import mn.registry.kernel.privacy.PublishedText;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ADR 0013 §8 cannot rot: every text component of every signed command's body (a {@code String}, a list of them, inside
 * nested records too) is either {@link PublishedText} (screened for a person's details) or listed here as text the public
 * record withholds (and this test checks, against the public mappers, that the event field it becomes is indeed not
 * published) or as not free text (an identifier, a hash, a code). A new command, or a new text field, that is none of
 * these fails the build until someone decides.
 */
class PublishedTextCoverageTest {

    /** Why an unmarked text component is not screened. */
    sealed interface NotScreened permits Withheld, Identifier {
    }

    /** Free text that becomes {@code field} of {@code event}, which the public record does not disclose. */
    record Withheld(Class<?> event, String field) implements NotScreened {
    }

    /** Not free text: an identifier, a hash or a code with its own format. */
    record Identifier(String what) implements NotScreened {
    }

    static final Identifier SHA_256 = new Identifier("SHA-256 of a received document (hex)");
    static final Identifier TYPED_ID = new Identifier("typed identifier (UUID, zone, registration, person, licence id)");
    static final Identifier CURRENCY = new Identifier("ISO 4217 currency code");

    /** Declaring record's simple name + "." + component -> why it is not screened. */
    static final Map<String, NotScreened> NOT_SCREENED = new HashMap<>();

    static {
        // typed identifiers and codes
        for (String id : List.of("ApplicationId.value", "ZoneId.value", "PersonId.value", "RegistrationId.value", "LandApplicationId.value",
                "LandLicenceId.value", "PermitNumber.value")) {
            NOT_SCREENED.put(id, TYPED_ID);
        }
        NOT_SCREENED.put("Money.currency", CURRENCY);
        NOT_SCREENED.put("EnrolSigner.company", new Identifier(
                "the state registration number of the company whose representative is enrolled, seven digits (EnrolSignerType, ADR 0061 item 44)"));
        NOT_SCREENED.put("StateRepresentativesCompany.company", new Identifier("the state registration number of the company a representative's "
                + "grant naming none is stated to represent, seven digits (StateRepresentativesCompanyType, ADR 0061 item 63)"));
        NOT_SCREENED.put("GeoPolygon.type", new Identifier("GeoJSON type, always \"Polygon\" (checked by GeoPolygon)"));
        NOT_SCREENED.put("LegalEntity.registrationNumber", new Identifier(
                "the entity's number in its country's register (a foreign one may have 8 digits, e.g. CN 91152599): an identifier, its format the register's"));
        for (String hash : List.of("SubmittedDocument.sha256", "SubmittedZoneDocument.sha256", "IssuePermit.contractSha256", "DecideRevocationComplaint.decisionSha256", "PublishReinstatement.decisionSha256",
                "FileRevocationComplaint.complaintSha256", "PassCertificateDatabaseOn.contractSha256", "RecordCertificateDatabaseHandedOver.databaseSha256", "RecordCertificateDatabaseHandedOver.receiptSha256", "RevokePermit.evidenceSha256",
                "RecordPermitDutyFulfilled.evidenceSha256", "RecordPermitInspection.findingsSha256", "RecordPermitInsurance.proofSha256",
                "ReportPermitChange.documentSha256", "RequestPermitExtension.stampDutyProofSha256", "RequestPermitSuspension.evidenceSha256", "RecordTaxEvasionsSettled.evidenceSha256",
                "SuspendPermit.evidenceSha256", "TransferPermit.evidenceSha256", "NameHolderRepresentative.documentSha256", "SignQuarterlyReport.reportSha256", "SignQuarterlyReport.corrects", "GrantLandFeeExemption.decisionSha256", "OpenZone.decisionSha256", "CloseZoneTemporarily.decisionSha256", "AppointGovernor.decisionSha256", "DismissGovernor.decisionSha256",
                "RevokeSignerCertificate.certificateSha256", "RecordInvestmentAgreement.documentSha256", "RecordCourtDecision.documentSha256", "DeclineCourtDecisionRecording.documentSha256", "RecordOperationsStarted.documentSha256", "RecordOperationsInterrupted.documentSha256", "RecordOperationsResumed.documentSha256",
                "RevokeSignerCertificate.documentSha256", "ReportLandFeePaid.receiptSha256", "RecordLandFeePaid.receiptSha256", "RecordLandBaseValue.decisionSha256", "RecordLandSelectionResult.resultSha256", "EnrolSigner.documentSha256", "EndSignerRole.documentSha256",
                "StateStoredActOrder.documentSha256", "StateRepresentativesCompany.documentSha256",
                "EstablishZone.resolutionSha256", "RecordZoneResolutionDate.resolutionSha256")) {
            NOT_SCREENED.put(hash, SHA_256);
        }
        // free text the public record withholds: accepted with whatever details the case needs (issue 14)
        NOT_SCREENED.put("RefusalReason.explanation", new Withheld(PermitApplicationRefused.class, "reasons"));
        NOT_SCREENED.put("RefusePermitSuspensionRequest.reasons", new Withheld(PermitSuspensionRequestRefused.class, "reasons"));
        NOT_SCREENED.put("ReportPermitChange.description", new Withheld(PermitChangeReported.class, "description"));
        NOT_SCREENED.put("RequestPermitDocuments.note", new Withheld(PermitDocumentsRequested.class, "note"));
        NOT_SCREENED.put("RestorePermit.reason", new Withheld(PermitRestored.class, "reason"));
        NOT_SCREENED.put("RevokePermit.reason", new Withheld(PermitRevoked.class, "reason"));
        NOT_SCREENED.put("RecordPermitInsurance.insurer", new Withheld(PermitInsuranceRecorded.class, "insurer"));
        NOT_SCREENED.put("RecordPermitInsurance.policyNumber", new Withheld(PermitInsuranceRecorded.class, "policyNumber"));
        NOT_SCREENED.put("RejectZoneRegistration.reasons", new Withheld(RegistrationEvents.ZoneRegistrationRejected.class, "reasons"));
        NOT_SCREENED.put("RecordCourtDecision.reference", new Withheld(RegistrationEvents.CourtDissolutionRecorded.class, "reference"));
        NOT_SCREENED.put("RefuseLandUse.reasons", new Withheld(LandEvents.LandUseRefused.class, "reasons"));
        NOT_SCREENED.put("RecordLandFeePaid.receipt", new Withheld(LandEvents.LandLicenceIssued.class, "receipt"));
        NOT_SCREENED.put("GrantLandFeeExemption.decision", new Withheld(LandEvents.LandFeeExemptionGranted.class, "decision"));
        // ADR 0035 item 107 (F528): the governor's reason for another receipt's document, kept and withheld; a person's details refused in it
        NOT_SCREENED.put("RecordLandFeePaid.otherReceiptReason", new Withheld(LandEvents.LandLicenceIssued.class, "otherReceiptReason"));
        NOT_SCREENED.put("ErasePersonalData.ground", new Withheld(PersonalDataErased.class, "ground"));
        NOT_SCREENED.put("RevokeSignerCertificate.ground", new Withheld(mn.registry.kernel.identity.SignerCertificateRevoked.class, "ground"));
        // ADR 0055: the certificate (a person's name and id) lands encrypted under the person's key, in an event never published
        NOT_SCREENED.put("EnrolSigner.certificatePem", new Withheld(mn.registry.kernel.identity.PersonEnrolled.class, "personalData"));
    }

    static Set<Class<?>> bodyTypes;

    /** Every body type of a signed command: the type argument of each {@code @Bean} returning one, and of each class implementing one. */
    @BeforeAll
    static void readEveryCommandType() {
        Set<Class<?>> found = new LinkedHashSet<>();
        for (JavaClass javaClass : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // in `mvn verify` a module's test classes arrive as its -tests.jar, which DO_NOT_INCLUDE_TESTS does not recognise
                .withImportOption(location -> !location.contains("-tests.jar")).importPackages("mn.registry")) {
            Class<?> type = javaClass.reflect();
            for (Method method : type.getDeclaredMethods()) {
                if (method.isAnnotationPresent(Bean.class) && SignedCommandType.class.isAssignableFrom(method.getReturnType())) {
                    found.add(typeArgument(method.getGenericReturnType(), method.toString()));
                }
            }
            if (!type.isInterface() && !Modifier.isAbstract(type.getModifiers()) && SignedCommandType.class.isAssignableFrom(type)) {
                // implements SignedCommandType<Body>, or extends a command type such as GovernorCommandType<Body>
                List<Type> supertypes = new ArrayList<>(List.of(type.getGenericInterfaces()));
                supertypes.add(type.getGenericSuperclass());
                for (Type generic : supertypes) {
                    if (generic instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw && SignedCommandType.class.isAssignableFrom(raw)
                            && p.getActualTypeArguments().length == 1 && p.getActualTypeArguments()[0] instanceof Class<?> body) {
                        found.add(body);
                    }
                }
            }
        }
        bodyTypes = found;
    }

    private static Class<?> typeArgument(Type generic, String where) {
        if (generic instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> body) {
            return body;
        }
        throw new AssertionError(where + " returns a command type whose body type cannot be read: " + generic);
    }

    /** Every text component reachable from {@code type}: "Record.component". */
    private static void texts(Class<?> type, Set<RecordComponent> into, Set<Class<?>> seen) {
        if (!type.isRecord() || !seen.add(type)) {
            return;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            Class<?> element = component.getType();
            if (Collection.class.isAssignableFrom(element)) {
                Type generic = component.getGenericType();
                while (generic instanceof ParameterizedType p) { // List<List<List<Double>>> (a polygon's coordinates) is numbers
                    generic = p.getActualTypeArguments()[0];
                }
                element = generic instanceof Class<?> c ? c : Object.class;
            }
            if (element == String.class || element == CharSequence.class || element == Object.class) {
                into.add(component);
            } else {
                texts(element, into, seen);
            }
        }
    }

    private static String key(RecordComponent component) {
        return component.getDeclaringRecord().getSimpleName() + "." + component.getName();
    }

    @Test
    @DisplayName("002 art. 15.3: every command type is read, permits, Free Zones, calendar and identity alike")
    void every_command_type_is_read() {
        assertThat(bodyTypes).hasSizeGreaterThanOrEqualTo(45).contains(IssuePermit.class, RevokePermit.class,
                mn.registry.kernel.freezone.RegistrationCommands.DeregisterEntity.class, mn.registry.kernel.freezone.LandCommands.GrantLandRights.class,
                mn.registry.kernel.freezone.ZoneCommands.AppointGovernor.class, mn.registry.kernel.calendar.PublicHolidayDeclared.class,
                mn.registry.kernel.identity.ErasePersonalData.class, ApplyForPermit.class);
    }

    @Test
    @DisplayName("002 art. 15.3: every text a signed command carries is screened, withheld from the public, or not free text")
    void every_text_component_is_decided() {
        Set<RecordComponent> texts = new LinkedHashSet<>();
        Set<Class<?>> seen = new java.util.HashSet<>();
        bodyTypes.forEach(type -> texts(type, texts, seen));
        assertThat(texts).hasSizeGreaterThan(40);
        Set<String> undecided = new TreeSet<>();
        for (RecordComponent text : texts) {
            boolean screened = text.isAnnotationPresent(PublishedText.class);
            NotScreened listed = NOT_SCREENED.get(key(text));
            if (screened == (listed != null)) {
                undecided.add(key(text) + (screened ? " is both screened and listed" : " is neither @PublishedText nor listed as withheld or not free text"));
            }
        }
        assertThat(undecided).isEmpty();
    }

    @Test
    @DisplayName("002 art. 15.3, 26.4: text accepted unscreened as withheld is indeed not disclosed by the public record of its event")
    void withheld_text_is_not_published() {
        Map<String, Function<JsonNode, Optional<JsonNode>>> mappers = new HashMap<>(PermitPublicRecords.mappers());
        mappers.putAll(FreeZonePublicRecords.mappers());
        List<String> published = new ArrayList<>();
        NOT_SCREENED.forEach((component, why) -> {
            if (why instanceof Withheld withheld) {
                assertThat(withheld.event().getRecordComponents()).as(withheld.event().getSimpleName())
                        .extracting(RecordComponent::getName).contains(withheld.field());
                String type = withheld.event().getName();
                if (!PublicRecords.mayBePublic(type)) {
                    return;
                }
                Function<JsonNode, Optional<JsonNode>> mapper = mappers.get(type);
                ObjectNode payload = CanonicalJson.mapper().createObjectNode().put(withheld.field(), "sample").put("applicationId", "a");
                if (mapper == null || mapper.apply(payload).map(p -> p.has(withheld.field())).orElse(false)) {
                    published.add(component + " -> " + withheld.event().getSimpleName() + "." + withheld.field());
                }
            }
        });
        assertThat(published).as("listed as withheld but published: mark them @PublishedText").isEmpty();
    }

    @Test
    @DisplayName("002 art. 15.3: the check can fail: a published field listed as withheld is caught")
    void the_withheld_check_can_fail() {
        Function<JsonNode, Optional<JsonNode>> issued = PermitPublicRecords.mappers().get(PermitIssued.class.getName());
        ObjectNode payload = CanonicalJson.mapper().createObjectNode().put("conditions", "sample");
        assertThat(issued.apply(payload).orElseThrow().has("conditions")).as("PermitIssued.conditions is public, so it could not be listed as withheld").isTrue();
        Set<RecordComponent> texts = new LinkedHashSet<>();
        texts(IssuePermit.class, texts, new java.util.HashSet<>());
        assertThat(texts).extracting(PublishedTextCoverageTest::key).contains("IssuePermit.conditions", "IssuePermit.contractSha256");
    }
}

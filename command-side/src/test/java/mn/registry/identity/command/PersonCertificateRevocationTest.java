package mn.registry.identity.command;

import mn.registry.kernel.identity.PersonEnrolled;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.SignerCertificateRevoked;
import mn.registry.kernel.problem.RegistryProblem;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;

/** 001 art. 23.1.1 on a person's stream: which certificate a revocation may name, and that it is revoked once. */
class PersonCertificateRevocationTest {

    private static final PersonId PERSON = new PersonId("reviewer-7");
    private static final PersonId SUPERVISOR = new PersonId("supervisor-1");
    private static final Instant T0 = Instant.parse("2026-11-02T01:00:00Z");
    private static final Instant AT = T0.plusSeconds(86_400);
    private static final String CERT = "ab".repeat(32);
    private static final String OTHER = "cd".repeat(32);

    private AggregateTestFixture<Person> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Person.class);
    }

    private static PersonEnrolled enrolled(String certificate) {
        return new PersonEnrolled(PERSON, "Reviewer Seven", certificate, "AAAA", T0);
    }

    @Test
    @DisplayName("001 art. 23.1.1: the named certificate is revoked from the revocation's receipt")
    void named_certificate_is_revoked() {
        fixture.given(enrolled(CERT), enrolled(OTHER))
                .when(new PersonCommands.RevokeCertificate(PERSON, CERT, AT, SUPERVISOR, "key reported lost"))
                .expectEvents(new SignerCertificateRevoked(PERSON, CERT, AT, SUPERVISOR, "key reported lost"));
    }

    @Test
    @DisplayName("001 art. 23.1.1: with no certificate named, every certificate still in use is revoked, and a second such revocation is refused")
    void every_certificate_is_revoked_once() {
        fixture.given(enrolled(CERT), enrolled(OTHER), new SignerCertificateRevoked(PERSON, CERT, T0.plusSeconds(60), SUPERVISOR, "lost"))
                .when(new PersonCommands.RevokeCertificate(PERSON, null, AT, SUPERVISOR, "left the ministry"))
                .expectEvents(new SignerCertificateRevoked(PERSON, OTHER, AT, SUPERVISOR, "left the ministry"));
        fixture.given(enrolled(CERT), new SignerCertificateRevoked(PERSON, CERT, T0.plusSeconds(60), SUPERVISOR, "lost"))
                .when(new PersonCommands.RevokeCertificate(PERSON, null, AT, SUPERVISOR, "again"))
                .expectNoEvents()
                .expectException(RegistryProblem.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("already revoked"));
    }

    @Test
    @DisplayName("001 art. 23.1.1, abuse: a certificate the person never enrolled, or one already revoked, is not revoked (again)")
    void unknown_or_revoked_certificate_is_refused() {
        fixture.given(enrolled(CERT))
                .when(new PersonCommands.RevokeCertificate(PERSON, OTHER, AT, SUPERVISOR, "someone else's"))
                .expectNoEvents()
                .expectException(RegistryProblem.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("has enrolled no certificate"));
        fixture.given(enrolled(CERT), new SignerCertificateRevoked(PERSON, CERT, T0.plusSeconds(60), SUPERVISOR, "lost"))
                .when(new PersonCommands.RevokeCertificate(PERSON, CERT, AT, SUPERVISOR, "to move the date"))
                .expectNoEvents()
                .expectException(RegistryProblem.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("already revoked"));
    }
}

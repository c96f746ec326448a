package mn.registry.infrastructure.session;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import mn.registry.infrastructure.identity.Actor;
import mn.registry.infrastructure.identity.IdentityDirectory;
import mn.registry.kernel.crypto.Sha256;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.problem.RegistryProblem;
import mn.registry.kernel.signing.SignedCommandVerifier;
import mn.registry.kernel.signing.VerifiedCommand;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;
import java.util.TreeSet;

/**
 * Challenges and sessions, kept in MongoDB so any node can check them. A challenge is used once
 * (deleted as it is redeemed) and lives five minutes; a session lives eight hours and stores only
 * the SHA-256 of its token. Roles are not stored: each request asks the identity directory, so a
 * revoked role stops working at once.
 */
@Component
public class Sessions {

    static final Duration CHALLENGE_LIFETIME = Duration.ofMinutes(5);
    static final Duration SESSION_LIFETIME = Duration.ofHours(8);

    private final MongoCollection<Document> challenges;
    private final MongoCollection<Document> sessions;
    private final SignedCommandVerifier verifier;
    private final IdentityDirectory directory;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public Sessions(MongoDatabase database, SignedCommandVerifier verifier, IdentityDirectory directory, Clock clock) {
        this.challenges = database.getCollection("session_challenges");
        this.sessions = database.getCollection("sessions");
        this.verifier = verifier;
        this.directory = directory;
        this.clock = clock;
    }

    public record Challenge(String challenge, Instant expiresAt) {
    }

    public record Session(String token, PersonId person, String displayName, Set<Role> roles, Set<String> zones, Instant expiresAt) {
    }

    public Challenge challenge() {
        String challenge = randomToken();
        Instant expiresAt = clock.instant().plus(CHALLENGE_LIFETIME);
        challenges.insertOne(new Document("_id", challenge).append("expiresAt", expiresAt.toEpochMilli()));
        return new Challenge(challenge, expiresAt);
    }

    /** Redeems a signed {@code SignIn} command whose body is {@code {"challenge": "..."}}. */
    public Session signIn(String jws) {
        VerifiedCommand signed = verifier.verify(jws);
        if (!SignedCommandVerifier.SIGN_IN.equals(signed.type())) {
            throw RegistryProblem.invalid("session.not-a-sign-in", "Sign in with a signed command of type SignIn, not " + signed.type() + ".", "type", null);
        }
        String challenge = signed.command().path("challenge").asText("");
        Document issued = challenges.findOneAndDelete(Filters.eq("_id", challenge));
        if (issued == null || issued.getLong("expiresAt") < clock.instant().toEpochMilli()) {
            throw RegistryProblem.unauthenticated("session.challenge-unknown",
                    "The challenge is unknown, used or expired; ask GET /api/session/challenge for a new one and sign it within "
                            + CHALLENGE_LIFETIME.toMinutes() + " minutes.");
        }
        Actor actor = actorNow(signed.signer(), signed.signerFingerprint(), clock.instant())
                .orElseThrow(() -> RegistryProblem.forbidden("signer.not-enrolled", "The certificate of " + signed.signer()
                        + " is not enrolled with the registry.", "001 art. 23.1.1"));
        String token = randomToken();
        Instant expiresAt = endsWithItsCertificate(clock.instant().plus(SESSION_LIFETIME), signed);
        sessions.insertOne(new Document("_id", Sha256.hex(token.getBytes(StandardCharsets.US_ASCII)))
                .append("person", actor.person().value())
                .append("certificateSha256", signed.signerFingerprint())
                .append("expiresAt", expiresAt.toEpochMilli()));
        return new Session(token, actor.person(), actor.displayName(), actor.roles(), actor.zones(), expiresAt);
    }

    // 001 art. 23.1.1 (abuse audit F194): a person acts with a certificate valid at the moment of the act, and a session is the
    // certificate's sign-in, not a licence of its own: signed in an hour before the certificate's end, a reviewer read the desk, its
    // applicants' documents and personal data (each read logged in their name, 001 art. 53.1) for seven hours more on a certificate
    // that had expired. The session ends when the certificate does, if that is sooner than its eight hours
    private static Instant endsWithItsCertificate(Instant lifetimeEnds, VerifiedCommand signed) {
        Instant certificateEnds = signed.signerCertificate() == null ? null : signed.signerCertificate().getNotAfter().toInstant();
        return certificateEnds != null && certificateEnds.isBefore(lifetimeEnds) ? certificateEnds : lifetimeEnds;
    }

    /** The actor behind a bearer token, as of now, who must hold one of {@code roles}. */
    public Actor require(String authorization, Role... roles) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            throw RegistryProblem.unauthenticated("session.missing", "Sign in first (GET /api/session/challenge, then POST /api/session) and send "
                    + "'Authorization: Bearer <token>'.");
        }
        String token = authorization.substring("Bearer ".length()).trim();
        Document session = sessions.find(Filters.eq("_id", Sha256.hex(token.getBytes(StandardCharsets.US_ASCII)))).first();
        Instant now = clock.instant();
        if (session == null || session.getLong("expiresAt") < now.toEpochMilli()) {
            throw RegistryProblem.unauthenticated("session.invalid", "The session token is unknown or expired; sign in again.");
        }
        Actor actor = actorNow(new PersonId(session.getString("person")), session.getString("certificateSha256"), now)
                .orElseThrow(() -> RegistryProblem.unauthenticated("session.invalid", "The signer is no longer enrolled; sign in again."));
        if (roles.length > 0 && Arrays.stream(roles).noneMatch(actor.roles()::contains)) {
            throw RegistryProblem.forbidden("signer.role-missing", actor.person() + " holds " + (actor.roles().isEmpty() ? "no role" : actor.roles())
                    + "; this needs one of " + new TreeSet<>(Arrays.asList(roles)) + ".", "domain-rules §1");
        }
        return actor;
    }

    /**
     * ADR 0061 item 17: a sign-in and each request are judged now, as a signed act received now is: every end of the person's authority
     * already stored counts, whatever time it is in force from (an end stored after an act received on a clock running ahead is in
     * force from after that act's receipt, possibly after this node's now). 001 art. 23.1.1; the past ({@code actorAt}) is not asked.
     */
    private java.util.Optional<Actor> actorNow(PersonId person, String certificateSha256, Instant now) {
        return directory.signerAt(person, certificateSha256, now).map(IdentityDirectory.Signer::actor);
    }

    /**
     * Ends the session of a bearer token on the server: the token is refused from now on, wherever it was copied to
     * (issue 16: clearing the browser's cookie alone left it usable for the rest of its eight hours). Ending an
     * unknown or already ended session does nothing.
     */
    public void signOut(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return;
        }
        String token = authorization.substring("Bearer ".length()).trim();
        sessions.deleteOne(Filters.eq("_id", Sha256.hex(token.getBytes(StandardCharsets.US_ASCII))));
    }

    private String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

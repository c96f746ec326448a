package mn.registry.command.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import mn.registry.infrastructure.identity.Actor;
import mn.registry.infrastructure.identity.IdentityDirectory;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.privacy.PublishedTextScreen;
import mn.registry.kernel.problem.RegistryProblem;
import mn.registry.kernel.crypto.Sha256;
import mn.registry.kernel.signing.SignatureProblems;
import mn.registry.kernel.signing.SignedCommandVerifier;
import mn.registry.kernel.signing.VerifiedCommand;
import mn.registry.store.StreamChangedException;
import mn.registry.store.mongo.StreamUnchanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one way a signed command reaches the domain: verify the signature (who, with a certificate valid when they
 * signed and when the registry received it, {@code signedAt} within a few minutes of receipt), find what the signer
 * may do at the registry's time of receipt from events, check the command's role, read its body, claim its id so it
 * is applied once, and carry it out. Every refusal before the last step stores nothing.
 *
 * <p>ADR 0013: authority and every legal date are judged at the registry's receipt time, never at the time the
 * signer claims; {@code signedAt} is kept only as the signer's statement.
 */
@Component
public class CommandPipeline {

    private static final Logger log = LoggerFactory.getLogger(CommandPipeline.class);

    private final SignedCommandVerifier verifier;
    private final IdentityDirectory directory;
    private final Map<String, SignedCommandType<?>> types;
    private final CommandLog commandLog;
    private final ObjectMapper mapper;
    private final Clock clock;

    /** The names the registry holds of natural persons it does not publish (F602, ADR 0046 items 176-177), as known at the receipt. */
    private final mn.registry.kernel.privacy.PersonNamesInText.HeldNames heldNames;

    /** A pipeline screening no held names (tests built by hand). */
    public CommandPipeline(SignedCommandVerifier verifier, IdentityDirectory directory, List<SignedCommandType<?>> types,
                           CommandLog commandLog, ObjectMapper mapper, Clock clock) {
        this(verifier, directory, types, commandLog, mapper, clock, mn.registry.kernel.privacy.PersonNamesInText.HeldNames.NONE);
    }

    @org.springframework.beans.factory.annotation.Autowired
    public CommandPipeline(SignedCommandVerifier verifier, IdentityDirectory directory, List<SignedCommandType<?>> types,
                           CommandLog commandLog, ObjectMapper mapper, Clock clock,
                           mn.registry.kernel.privacy.PersonNamesInText.HeldNames heldNames) {
        this.heldNames = heldNames;
        this.verifier = verifier;
        this.directory = directory;
        this.types = types.stream().collect(Collectors.toUnmodifiableMap(SignedCommandType::type, Function.identity()));
        this.commandLog = commandLog;
        this.mapper = mapper;
        this.clock = clock;
    }

    /**
     * What the client is answered: the status, the body (JSON, UTF-8: the very bytes the command log keeps, written
     * once), and whether it is the answer to an earlier identical command.
     */
    public record Answer(int status, byte[] body, boolean replay) {

        Answer(int status, String json, boolean replay) {
            this(status, json.getBytes(java.nio.charset.StandardCharsets.UTF_8), replay);
        }
    }

    public Set<String> knownTypes() {
        return new TreeSet<>(types.keySet());
    }

    public Answer submit(String jws) {
        Instant receivedAt = clock.instant();
        VerifiedCommand verified;
        try {
            verified = verifier.verify(jws);
        } catch (RegistryProblem late) {
            if (!SignatureProblems.SIGNED_TOO_LONG_AGO.equals(late.code())) {
                throw late;
            }
            return answeredBefore(jws, late).orElseThrow(() -> late);
        }
        certificateValidAtReceipt(verified, receivedAt);
        SignedCommandType<?> type = types.get(verified.type());
        if (type == null) {
            throw RegistryProblem.invalid("command.type-unknown", "No command is called '" + verified.type() + "'. Known: " + knownTypes() + ".", "type", null);
        }
        IdentityDirectory.Signer signer = directory.signerAt(verified.signer(), verified.signerFingerprint(), receivedAt)
                .orElseThrow(() -> RegistryProblem.forbidden("signer.not-enrolled", "The certificate of " + verified.signer()
                        + " (SHA-256 " + verified.signerFingerprint() + ") is not enrolled with the registry.", "001 art. 23.1.1"));
        requireRole(type, signer.actor(), receivedAt);
        return carryOut(type, verified, signer, jws, receivedAt);
    }

    /**
     * A resend of the very bytes of a command carried out before, arriving after the signature's age limit: the first
     * answer, as for any resend (ADR 0002). The bytes were verified when first received; a command never carried out
     * stays refused, since its act would take effect long after it was signed (ADR 0013 §1). A command whose claim a stop
     * left {@code accepted} is settled as any resend settles it ({@link #settle}): applied before the stop, it is answered
     * as applied (its events are in the register; a refusal would tell the client its act never happened); not applied,
     * its claim is given back and the late resend refused, never carried out.
     */
    private Optional<Answer> answeredBefore(String jws, RegistryProblem late) {
        String sha256 = Sha256.hex(jws.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return SignedCommandVerifier.unverifiedCommandId(jws).flatMap(commandLog::find)
                .filter(entry -> sha256.equals(entry.getString("jwsSha256")))
                .map(entry -> {
                    String commandId = entry.getString("_id");
                    if (!"done".equals(entry.getString("state"))) {
                        return lateResendOfAnUnsettledCommand(commandId, Instant.ofEpochMilli(entry.getLong("acceptedAt")), late);
                    }
                    log.info("{} was carried out before; answering a late resend with the first answer", commandId);
                    return new Answer(entry.getInteger("status", 200), entry.getString("answer"), true);
                });
    }

    private Answer lateResendOfAnUnsettledCommand(String commandId, Instant acceptedAt, RegistryProblem late) {
        Optional<String> leaseKey = commandLog.leaseExpired(acceptedAt) ? commandLog.takeOver(commandId, acceptedAt) : Optional.empty();
        if (leaseKey.isEmpty()) {
            throw RegistryProblem.conflict("command.in-progress", "Command " + commandId + " was accepted at " + acceptedAt
                    + " and is still being carried out; ask again in a moment.", null);
        }
        List<String> applied = commandLog.eventsOf(commandId);
        if (applied.isEmpty()) {
            commandLog.release(commandId, leaseKey.get());
            log.info("{} was accepted before a stop and left no event; its late resend is refused, not carried out", commandId);
            throw late;
        }
        String json = recoveredAnswer(commandId, applied);
        commandLog.done(commandId, json, 200);
        log.info("{} was applied before a stop ({} events); answering its late resend that it was applied", commandId, applied.size());
        return new Answer(200, json, true);
    }

    private String recoveredAnswer(String commandId, List<String> applied) {
        ObjectNode answer = mapper.createObjectNode().put("commandId", commandId).put("applied", true).put("recovered", true);
        ArrayNode events = answer.putArray("events");
        applied.forEach(events::add);
        return answer.toString();
    }

    // 001 art. 23.1.1: the certificate is valid when the act is made, which is when the registry receives it (ADR 0013)
    private static void certificateValidAtReceipt(VerifiedCommand verified, Instant receivedAt) {
        java.security.cert.X509Certificate certificate = verified.signerCertificate();
        if (receivedAt.isAfter(certificate.getNotAfter().toInstant()) || receivedAt.isBefore(certificate.getNotBefore().toInstant())) {
            throw RegistryProblem.unauthenticated("signature.certificate-not-valid-at-receipt", "The signer's certificate is valid from "
                    + certificate.getNotBefore().toInstant() + " to " + certificate.getNotAfter().toInstant() + ", not at the registry's time of receipt "
                    + receivedAt + " (001 art. 23.1.1).");
        }
    }

    private static void requireRole(SignedCommandType<?> type, Actor actor, Instant receivedAt) {
        Set<Role> allowed = type.allowedRoles();
        if (!holdsARoleFor(type, actor)) {
            throw RegistryProblem.forbidden("signer.role-missing", actor.person() + " held " + (actor.roles().isEmpty() ? "no role" : actor.roles())
                    + " at " + receivedAt + " (the registry's time of receipt); " + type.type() + " needs one of " + new TreeSet<>(allowed) + ".",
                    "domain-rules §1");
        }
    }

    /** ADR 0061 item 14: the roles the act is signed under: those of the signer's that {@code type} may be signed under. */
    private static Set<Role> actingRoles(SignedCommandType<?> type, Actor actor) {
        Set<Role> acting = java.util.EnumSet.noneOf(Role.class);
        actor.roles().stream().filter(type.allowedRoles()::contains).forEach(acting::add);
        return acting;
    }

    /** Domain-rules §1: whether {@code actor} holds one of the roles {@code type} may be signed under. */
    private static boolean holdsARoleFor(SignedCommandType<?> type, Actor actor) {
        return actor.roles().stream().anyMatch(type.allowedRoles()::contains);
    }

    private <T> Answer carryOut(SignedCommandType<T> type, VerifiedCommand verified, IdentityDirectory.Signer signer, String jws,
                                Instant receivedAt) {
        Actor actor = signer.actor();
        T body = readBody(type, verified);
        PublishedTextScreen.screen(body); // ADR 0013 §8: no person's details in published text; refused before anything is claimed
        PublishedTextScreen.screenNames(body, heldNames); // F602 (ADR 0046 items 176-177): nor a representative's name, as held at the receipt
        CommandLog.Claim claim = commandLog.claim(verified.commandId(), verified.jwsSha256(), jws, type.type(), actor.person().value());
        if (claim instanceof CommandLog.Claim.AlreadyDone done) {
            log.info("{} {} was applied before; answering with the first answer", type.type(), verified.commandId());
            return new Answer(done.status(), done.answerJson(), true);
        }
        String leaseKey;
        boolean tookOver = claim instanceof CommandLog.Claim.Unsettled;
        if (claim instanceof CommandLog.Claim.Unsettled unsettled) {
            Settled settled = settle(verified, unsettled);
            if (settled.answer() != null) {
                return settled.answer();
            }
            leaseKey = settled.leaseKey();
        } else {
            leaseKey = ((CommandLog.Claim.Claimed) claim).leaseKey();
        }
        CommandContext context = new CommandContext(verified.commandId(), verified.signedAt(), receivedAt, actor.person(),
                actor.roles(), actor.zones(), verified.jwsSha256(), actor.company());
        Object result;
        try {
            // ADR 0061: the act's commits are stored only while the signer's stream is as judged above
            result = StreamUnchanged.during(signer.unchanged(), () -> CurrentCommand.runAs(context, actingRoles(type, actor), type.actingZone(body).orElse(null),
                    () -> type.handle(body, context)));
        } catch (RuntimeException failure) {
            RuntimeException e = judgedAgainIfTheSignerChanged(failure, type, verified);
            if (releasesItsClaim(e, tookOver, () -> commandLog.eventsOf(verified.commandId()))) {
                commandLog.release(verified.commandId(), leaseKey);
            } else {
                log.warn("{} {}: its events are stored (or could not be looked for) although the attempt failed ({}); the entry stays, "
                        + "so that the command sent again is answered as applied, not carried out twice", verified.type(), verified.commandId(),
                        e.toString());
            }
            throw e;
        }
        // serialized once: these bytes are both the command log's answer (a resend gets them again) and the response
        String answer = answerJson(result);
        commandLog.answered(verified.commandId(), answer, 200);
        log.info("{} {} signed by {} carried out", type.type(), verified.commandId(), actor.person());
        return new Answer(200, answer, false);
    }

    /**
     * ADR 0061 (abuse audit F240, was O92): the act was refused by the store because the signer's stream moved between the read that
     * judged its authority and the act's commit: something about the signer (a role ended, a certificate revoked) was stored before the
     * act, which is therefore not stored. 001 art. 23.1.1, domain-rules §1: the signer is judged again at the registry's time now, with
     * what was stored before the act counted: 403 {@code identity.authority-ended-during-act} if the act's role or its certificate ended
     * (in the store's order the end comes first, and a signed, published act cannot be taken back); else 409
     * {@code identity.signer-changed-during-act} (the signer's enrolment changed otherwise: the same command sent again is judged afresh).
     * Any other failure is returned as it is.
     */
    private RuntimeException judgedAgainIfTheSignerChanged(RuntimeException failure, SignedCommandType<?> type, VerifiedCommand verified) {
        if (StreamChangedException.in(failure) == null) {
            return failure;
        }
        Instant now = clock.instant();
        try {
            // as any act received now: every end stored counts (ADR 0061 item 12)
            Optional<Actor> actor = directory.signerAt(verified.signer(), verified.signerFingerprint(), now).map(IdentityDirectory.Signer::actor);
            if (actor.isPresent() && holdsARoleFor(type, actor.get())) {
                log.info("{} {}: the signer's enrolment changed while it was carried out, its authority stands; nothing stored", type.type(),
                        verified.commandId());
                return new RegistryProblem(RegistryProblem.Kind.CONFLICT, "identity.signer-changed-during-act", "The enrolment of "
                        + verified.signer() + " changed while " + type.type() + " was being recorded; nothing was stored. Send the same signed "
                        + "command again.", "signer", "001 art. 23.1.1");
            }
        } catch (RegistryProblem revoked) {
            // signer.certificate-revoked: the certificate's end is the authority's end
        }
        log.info("{} {}: the signer's authority ended before the act was stored; nothing stored", type.type(), verified.commandId());
        return new RegistryProblem(RegistryProblem.Kind.FORBIDDEN, "identity.authority-ended-during-act", "The role or the certificate of "
                + verified.signer() + " ended while " + type.type() + " was being recorded, and the end was stored first (at " + now
                + ", the registry's time); the act is not theirs to make and nothing was stored.", "signer", "001 art. 23.1.1; domain-rules §1");
    }

    /**
     * ADR 0002: a claim left {@code accepted} (the registry stopped between storing the events and the answer) is
     * settled by the next attempt once its lease ran out: if events carry the command id it was applied, and the
     * client is told so (without applying it again); if none do, the attempt takes the claim over and carries the
     * command out under its new lease key. While the lease runs, or if another attempt took it over first, it is in progress.
     */
    private Settled settle(VerifiedCommand verified, CommandLog.Claim.Unsettled unsettled) {
        Optional<String> leaseKey = commandLog.leaseExpired(unsettled.acceptedAt())
                ? commandLog.takeOver(verified.commandId(), unsettled.acceptedAt()) : Optional.empty();
        if (leaseKey.isEmpty()) {
            throw RegistryProblem.conflict("command.in-progress", "Command " + verified.commandId() + " was accepted at " + unsettled.acceptedAt()
                    + " and is still being carried out; ask again in a moment.", null);
        }
        List<String> applied = commandLog.eventsOf(verified.commandId());
        if (applied.isEmpty()) {
            log.info("{} {} was accepted before a stop and left no event; carrying it out now", verified.type(), verified.commandId());
            return new Settled(null, leaseKey.get());
        }
        String json = recoveredAnswer(verified.commandId(), applied);
        commandLog.done(verified.commandId(), json, 200);
        log.info("{} {} was applied before a stop ({} events); its answer was lost, answering that it was applied", verified.type(),
                verified.commandId(), applied.size());
        return new Settled(new Answer(200, json, true), leaseKey.get());
    }

    /**
     * ADR 0002: whether a failed attempt gives its command id back (deletes its claim). A refusal of the registry's rules (a
     * {@link RegistryProblem}, wrapped or not) comes before any event and gives it back, as before. After a takeover, or after any
     * other failure (the database lost in the middle: the events' insert may have reached the server while the driver saw an
     * error, or the durability step failed after it), the claim is given back only if no event carries the command id: else a
     * resend would carry the command out a second time (MongoOutageUnderLoadTest once saw an application refused as "pending"
     * on its resend). If the look itself fails, the claim stays {@code accepted}: the next attempt settles it once its lease ran out.
     */
    static boolean releasesItsClaim(RuntimeException failure, boolean tookOver, java.util.function.Supplier<List<String>> eventsOfTheCommand) {
        if (!tookOver && mn.registry.infrastructure.web.ProblemResponses.registryProblemIn(failure) != null) {
            return true;
        }
        try {
            return eventsOfTheCommand.get().isEmpty();
        } catch (RuntimeException lookFailed) {
            return false;
        }
    }

    /** What settling an unsettled claim gave: the answer, or (null) the go-ahead to carry the command out under the lease key. */
    private record Settled(Answer answer, String leaseKey) {
    }

    private <T> T readBody(SignedCommandType<T> type, VerifiedCommand command) {
        try {
            return command.commandAs(mapper, type.bodyType());
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw RegistryProblem.invalid("command.body-invalid", cause.getMessage(), "command" + path(e), null);
        } catch (InvalidFormatException e) {
            throw RegistryProblem.invalid("command.body-invalid", "The value " + e.getValue() + " is not a valid " + e.getTargetType().getSimpleName() + ".",
                    "command" + path(e), null);
        } catch (MismatchedInputException e) {
            throw RegistryProblem.invalid("command.body-invalid", "The command body does not have the shape of " + type.type() + ": "
                    + e.getOriginalMessage(), "command" + path(e), null);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw RegistryProblem.invalid("command.body-invalid", "The command body is not a valid " + type.type() + ".", "command", null);
        }
    }

    private static String path(com.fasterxml.jackson.databind.JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (com.fasterxml.jackson.databind.JsonMappingException.Reference ref : e.getPath()) {
            path.append(ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]");
        }
        return path.toString();
    }

    private String answerJson(Object result) {
        try {
            return mapper.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the answer of a command is not JSON", e);
        }
    }
}

package mn.registry.identity.command;

import mn.registry.kernel.privacy.GroundKeptInClear;
import mn.registry.command.api.CommandContext;
import mn.registry.command.api.SignedCommandType;
import mn.registry.infrastructure.identity.IdentityDirectory;
import mn.registry.infrastructure.privacy.PersonalDataHolder;
import mn.registry.infrastructure.privacy.PersonalDataVault;
import mn.registry.kernel.identity.ErasePersonalData;
import mn.registry.kernel.identity.PersonalDataErased;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.problem.RegistryProblem;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code ErasePersonalData}, signed by a ministry supervisor (the registry's data controller's officer: a choice,
 * ADR 0008): destroys the person's personal data key, tells every {@link PersonalDataHolder} (the command archive, the
 * documents' metadata, the personal-data read log: issue 14 item 4) to drop what of the person it still holds in clear,
 * then records {@link PersonalDataErased} on the person's stream. Key first: a crash in between leaves the data erased
 * and the command can be sent again to finish and record it.
 */
@Component
class ErasePersonalDataType implements SignedCommandType<ErasePersonalData> {

    static final int MAX_GROUND = 500;

    private final PersonalDataVault vault;
    private final IdentityDirectory directory;
    private final Enrolment enrolment;
    private final List<PersonalDataHolder> holders;
    private final List<mn.registry.identity.api.ErasureCheck> checks;

    ErasePersonalDataType(PersonalDataVault vault, IdentityDirectory directory, Enrolment enrolment, List<PersonalDataHolder> holders,
                          List<mn.registry.identity.api.ErasureCheck> checks) {
        this.vault = vault;
        this.directory = directory;
        this.enrolment = enrolment;
        this.holders = holders;
        this.checks = checks;
    }

    @Override
    public String type() {
        return "ErasePersonalData";
    }

    @Override
    public Class<ErasePersonalData> bodyType() {
        return ErasePersonalData.class;
    }

    @Override
    public Set<Role> allowedRoles() {
        return Set.of(Role.MINISTRY_SUPERVISOR);
    }

    // domain-rules §1, §5 (choice, ADR 0046 item 31, abuse audit F128): an official's signature on the state's acts has a paper
    // signature's validity (002 art. 6.3) and events are never deleted (001 art. 15.6); each signed command is sealed under its
    // signer's key, so erasing an official (a colleague, or oneself after questionable decisions) would destroy the only proof of
    // who signed every act they made, which a court or auditor reads from the archive. A person who has held an official role
    // (any but the applicant's) is not erased; checked before the key is touched, so nothing is destroyed
    private void officialActsAreKept(PersonId person) {
        List<Role> official = directory.rolesEverHeld(person).stream().filter(Role::official).toList();
        if (!official.isEmpty()) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "privacy.official-acts-kept", person + " has held the role " + official
                    + ": the acts signed for the state, and the signed commands that prove who signed them, are kept; their personal data is not "
                    + "erased.", "personId", "002 art. 6.3, 001 art. 15.6");
        }
    }

    /**
     * 002 art. 23.2; 001 art. 23.1.1 (ADR 0061 item 80, <b>choice</b>, the lead's reading; abuse audit F610, was O468): the erasure destroys
     * the person's key, so a representative whose data is erased signs nothing for their company again: it ends their representation for
     * ever, as the end of the role does. Item 75's rule holds for it: a supervisor whose own grant in force at the registry's receipt names the
     * company of the representative's grant in force at the receipt (the directory's, with a stated company; one naming none tied to every
     * company, item 81) does not erase them: 403 {@code identity.official-represents-the-representatives-company}, field {@code personId},
     * before the key is touched, nothing stored. Their own erasure is not this rule's (an official's data is kept, F128).
     */
    private void officialDoesNotEraseTheirCompanysRepresentative(PersonId person, CommandContext context) {
        if (person.equals(context.actor())) {
            return;
        }
        directory.representativesGrantsAt(person, context.receivedAt())
                .forEach(grant -> Person.officialDoesNotActOnTheRepresentativeOf(grant.company(), person, context));
    }

    // 002 art. 15.3, 30.1 (ADR 0071 item 14, abuse audit F479): the ground is kept in clear in the erasure's event, which is never erased
    // (001 art. 15.6): a civil registration number, phone or e-mail written in it (the erased person's, as a careless ground names them)
    // would outlive the key it destroys. Refused before the key is touched, as the erasure's form now puts the ground before every supervisor
    static void groundHoldsNoPersonalDetails(String ground) {
        GroundKeptInClear.holdsNoPersonalDetails(ground, "privacy.personal-details-in-erasure-ground", "ground",
                "an erasure is kept in clear after the key is destroyed");
    }

    @Override
    public Object handle(ErasePersonalData body, CommandContext context) {
        if (body == null || body.personId() == null) {
            throw RegistryProblem.invalid("privacy.person-missing", "Name the person whose personal data is erased in 'personId'.", "personId", null);
        }
        // abuse audit F66: a ground of no-break or zero-width spaces states none (String.isBlank does not see them); the key is destroyed for ever
        if (body.ground() == null || mn.registry.kernel.problem.VisibleText.saysNothing(body.ground()) || body.ground().length() > MAX_GROUND) {
            throw RegistryProblem.invalid("privacy.ground-missing", "State the ground of the erasure (1-" + MAX_GROUND + " characters) in 'ground'.",
                    "ground", null);
        }
        groundHoldsNoPersonalDetails(body.ground());
        if (!directory.isEnrolled(body.personId())) {
            throw new RegistryProblem(RegistryProblem.Kind.NOT_FOUND, "identity.person-unknown", "No person " + body.personId()
                    + " is enrolled with the registry.", "personId", null);
        }
        officialActsAreKept(body.personId());
        officialDoesNotEraseTheirCompanysRepresentative(body.personId(), context);
        checks.forEach(check -> check.mayBeErased(body.personId(), context.receivedAt())); // F151: acts that still need the person
        Instant erasedAt = vault.erase(body.personId(), context.actor());
        holders.forEach(holder -> holder.erased(body.personId()));
        enrolment.recordErasure(new PersonalDataErased(body.personId(), PersonalDataVault.keyId(body.personId()), body.ground().strip(),
                erasedAt, context.actor()));
        return Map.of("personId", body.personId().value(), "erasedAt", erasedAt.toString(), "keyId", PersonalDataVault.keyId(body.personId()));
    }
}

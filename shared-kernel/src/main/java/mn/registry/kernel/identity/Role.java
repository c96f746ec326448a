package mn.registry.kernel.identity;

/** The roles of domain-rules §1. A role is granted by an event, never claimed by a client. */
public enum Role {
    /** 002 art. 23.1, 26: registers and decides special-permit applications. */
    MINISTRY_REVIEWER,
    /** 002 art. 26.6.7: signs permits, decides escalations, sets ministry parameters (26.5). */
    MINISTRY_SUPERVISOR,
    /** 002 art. 28.1: gives the opinion that grounds a suspension. */
    COMMUNICATIONS_INSPECTOR,
    /** 002 art. 28.1, 28.3: requests suspension after two or more tax evasions; is notified. */
    TAX_OFFICER,
    /** 003 art. 8.2, 6.4: appoints and dismisses governors, opens and closes zones. */
    CABINET_MEMBER,
    /** 003 art. 8.7: registers entities and issues land licences in their own zone, during tenure. */
    ZONE_GOVERNOR,
    /** 002 art. 23.2, 003 art. 12.1: a company's representative who applies and files proofs. */
    APPLICANT,
    /** 002 art. 6.5, 7: the registry itself, sealing events and running deadlines. */
    REGISTRY;

    /** Whether holding this role makes a person an official acting for the state (any role but the applicant's): ADR 0046 items 31, 32. */
    public boolean official() {
        return this != APPLICANT;
    }
}

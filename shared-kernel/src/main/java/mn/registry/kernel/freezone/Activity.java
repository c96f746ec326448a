package mn.registry.kernel.freezone;

/** The kind of business an entity does in a zone, as the land-fee exemptions of 003 art. 23 group them. */
public enum Activity {
    TRADE(Exemption.TRADE_TOURISM_HOTEL),
    TOURISM(Exemption.TRADE_TOURISM_HOTEL),
    HOTEL(Exemption.TRADE_TOURISM_HOTEL),
    INFRASTRUCTURE(Exemption.INFRASTRUCTURE_PRODUCTION),
    PRODUCTION(Exemption.INFRASTRUCTURE_PRODUCTION),
    OTHER(Exemption.NONE);

    /** The exemption class of 003 art. 23.1 / 23.2 (23.3-23.4: others as the Government decides, not automatic). */
    public enum Exemption {
        /** 003 art. 23.1: 100 % for the first 5 years of operation, 50 % for the next 3. */
        TRADE_TOURISM_HOTEL,
        /** 003 art. 23.2: 100 % for the first 10 years of operation. */
        INFRASTRUCTURE_PRODUCTION,
        NONE
    }

    private final Exemption exemption;

    Activity(Exemption exemption) {
        this.exemption = exemption;
    }

    public Exemption exemption() {
        return exemption;
    }
}

package mn.registry.kernel.freezone;

/** Where a legal entity was established: it decides the documents of 003 art. 12.1. */
public enum Jurisdiction {
    /** 003 art. 12.1.1. */
    MONGOLIAN,
    /** 003 art. 12.1.2. */
    FOREIGN
}

package mn.registry.deadline;

/** Where a deadline stands: running, fired (its command was accepted), or ended by an event before it fell due. */
public enum DeadlineState {
    OPEN, FIRED, CANCELLED
}

package mn.registry.kernel.freezone;

/** A command a zone governor signs: the zone it acts in, the one their authority is checked against (003 art. 8.7). */
public interface ZoneCommand {

    ZoneId zoneId();
}

package mn.registry.standalone.layout;

/** Sample for LayoutTest: public, and a class of another package (ZoneFixture) uses it. */
public class UsedElsewhere {
}

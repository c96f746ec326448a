package mn.registry.standalone.layout;

/** Sample for LayoutTest: public, but no class of another package uses it. */
public class LonelyPublic {
}

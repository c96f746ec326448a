package mn.registry.standalone;

import mn.registry.standalone.sign.SignCli;

import java.util.Arrays;

/**
 * {@code java -jar registry.jar [options]} starts the registry;
 * {@code java -jar registry.jar sign ...} signs a command file with a person's key;
 * {@code java -jar registry.jar verify-store ...} checks every seal and chain link of the store;
 * {@code java -jar registry.jar mongo --data-dir=D --port=P} serves the embedded database to several registry nodes (ADR 0016).
 */
public final class RegistryMain {

    private RegistryMain() {
    }

    public static void main(String[] args) {
        String first = args.length == 0 ? "" : args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        switch (first) {
            case "sign" -> System.exit(SignCli.run(rest, System.in, System.out, System.err, java.time.Clock.systemUTC()));
            case "verify-store" -> System.exit(VerifyStoreCli.run(rest, System.out, System.err));
            case "mongo" -> {
                int code = MongoCli.run(rest, System.out, System.err);
                if (code != 0) {
                    System.exit(code);
                }
            }
            case "help", "--help", "-h" -> {
                System.out.println("""
                        usage:
                          java -jar registry.jar [--server.port=8080] [--registry.data-dir=data]   start the registry
                          java -jar registry.jar sign --as <personId> [--data-dir data] [--in FILE] [--out FILE]
                                                                    sign a command file with a demo person's key
                          java -jar registry.jar verify-store [--data-dir data]
                                                                    check every seal and chain link in the event store
                          java -jar registry.jar mongo [--data-dir=data] [--port=27017]
                                                                    serve the embedded database on 127.0.0.1 to several registry
                                                                    nodes (each started with MONGODB_URI=mongodb://127.0.0.1:P
                                                                    and the same --registry.data-dir for the shared keys)
                        With MONGODB_URI set, the registry and verify-store use that MongoDB server instead of the embedded one.""");
                System.exit(0);
            }
            default -> RegistryApplication.start(args);
        }
    }
}

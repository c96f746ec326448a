package mn.registry.kernel.pki;

import java.security.cert.X509Certificate;
import java.util.List;

/** An Ed25519 key with its certificate chain (its own certificate first): the public key and certificate are read from the chain. */
interface CertifiedKey {

    /** The key's certificate first, then the certificates that issued it. */
    List<X509Certificate> chain();

    /** The raw 32-byte public key of the first certificate. */
    default byte[] publicKey() {
        return Bc.rawPublicKey(chain().get(0));
    }

    default X509Certificate certificate() {
        return chain().get(0);
    }
}

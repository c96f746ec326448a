package mn.registry.kernel.log;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** C2SP tlog-tiles entry bundles: a sequence of entries, each prefixed by its length as a big-endian uint16. */
public final class EntryBundles {

    public static final int MAX_ENTRY = 0xFFFF;

    private EntryBundles() {
    }

    public static byte[] encode(List<byte[]> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] entry : entries) {
            if (entry.length > MAX_ENTRY) {
                throw new IllegalArgumentException("an entry of a bundle is at most 65535 bytes, not " + entry.length);
            }
            out.write(entry.length >>> 8);
            out.write(entry.length & 0xFF);
            out.write(entry, 0, entry.length);
        }
        return out.toByteArray();
    }

    public static List<byte[]> decode(byte[] bundle) {
        List<byte[]> entries = new ArrayList<>();
        int at = 0;
        while (at < bundle.length) {
            if (at + 2 > bundle.length) {
                throw new IllegalArgumentException("truncated length prefix at byte " + at);
            }
            int length = ((bundle[at] & 0xFF) << 8) | (bundle[at + 1] & 0xFF);
            at += 2;
            if (at + length > bundle.length) {
                throw new IllegalArgumentException("truncated entry at byte " + at);
            }
            entries.add(Arrays.copyOfRange(bundle, at, at + length));
            at += length;
        }
        return entries;
    }
}

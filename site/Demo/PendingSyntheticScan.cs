namespace HafizaIzmir.Archive.Images;

// Placeholder so the site builds until the real synthetic scan generator lands in archive-core; delete on merge.
public static class SyntheticScan
{
    public static byte[] Generate(int width, int height, int seed, string title, string format) =>
        throw new NotSupportedException("synthetic scans are not available in this build");
}

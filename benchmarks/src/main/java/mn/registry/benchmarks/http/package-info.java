/**
 * Helpers of the end-to-end benchmarks: registry.jar as a separate process, a signing HTTP client,
 * closed- and open-loop load, and latency figures. May use the kernel (signing, demo people) and the JDK; no registry internals.
 */
package mn.registry.benchmarks.http;

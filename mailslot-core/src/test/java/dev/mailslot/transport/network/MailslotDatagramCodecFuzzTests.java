package dev.mailslot.transport.network;

import java.lang.management.ManagementFactory;

import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes {@link MailslotDatagramCodec#decode(byte[], int)} with Jazzer, from the real
 * datagrams as seeds (in
 * {@code src/test/resources/.../MailslotDatagramCodecFuzzTestsInputs}): whatever the
 * bytes, the decoder returns a write or its own rejection, and a decode allocates no more
 * than a few times the datagram's size. That is the least of three decodes after one to
 * load the classes: the JVM also allocates on the decoding thread once in a while for
 * itself (a call site linked or a method handle's form compiled when first reached, about
 * 14 KB), which a decode that allocates too much would not escape three times running.
 * The run is bounded by {@code maxExecutions}.
 */
class MailslotDatagramCodecFuzzTests {

	static final int MAX_EXECUTIONS = 200_000;

	private static final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory
		.getThreadMXBean();

	@FuzzTest(maxExecutions = MAX_EXECUTIONS)
	void decodingNeverThrowsNorAllocatesBeyondTheDatagram(byte[] datagram) {
		MailslotDatagramCodec.decode(datagram, datagram.length);
		long thread = Thread.currentThread().getId();
		long allocated = Long.MAX_VALUE;
		DecodeResult result = null;
		for (int i = 0; i < 3; i++) {
			long before = threads.getThreadAllocatedBytes(thread);
			result = MailslotDatagramCodec.decode(datagram, datagram.length);
			allocated = Math.min(allocated, threads.getThreadAllocatedBytes(thread) - before);
		}
		assertThat(result).isNotNull();
		assertThat(allocated).as("bytes allocated decoding %d bytes", datagram.length)
			.isLessThanOrEqualTo(4L * datagram.length + 8192);
		if (result instanceof DecodeResult.Decoded decoded) {
			assertThat(decoded.datagram().dataLength()).isLessThan(datagram.length);
		}
	}

}

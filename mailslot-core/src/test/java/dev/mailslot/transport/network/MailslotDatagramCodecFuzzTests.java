package dev.mailslot.transport.network;

import java.lang.management.ManagementFactory;

import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes {@link MailslotDatagramCodec#decode(byte[], int)} with Jazzer, from the real datagrams as
 * seeds (in {@code src/test/resources/.../MailslotDatagramCodecFuzzTestsInputs}): whatever the bytes,
 * the decoder returns a write or its own rejection, and a decode (after one to load its classes)
 * allocates no more than a few times the datagram's size. The run is bounded by
 * {@code maxExecutions}.
 */
class MailslotDatagramCodecFuzzTests {

	static final int MAX_EXECUTIONS = 200_000;

	private static final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory
		.getThreadMXBean();

	@FuzzTest(maxExecutions = MAX_EXECUTIONS)
	void decodingNeverThrowsNorAllocatesBeyondTheDatagram(byte[] datagram) {
		MailslotDatagramCodec.decode(datagram, datagram.length);
		long thread = Thread.currentThread().getId();
		long before = threads.getThreadAllocatedBytes(thread);
		DecodeResult result = MailslotDatagramCodec.decode(datagram, datagram.length);
		long allocated = threads.getThreadAllocatedBytes(thread) - before;
		assertThat(result).isNotNull();
		assertThat(allocated).as("bytes allocated decoding %d bytes", datagram.length)
			.isLessThanOrEqualTo(4L * datagram.length + 8192);
		if (result instanceof DecodeResult.Decoded decoded) {
			assertThat(decoded.datagram().dataLength()).isLessThan(datagram.length);
		}
	}

}

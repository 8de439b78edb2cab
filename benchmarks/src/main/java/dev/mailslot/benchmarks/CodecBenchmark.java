package dev.mailslot.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dev.mailslot.transport.network.DatagramType;
import dev.mailslot.transport.network.DecodeResult;
import dev.mailslot.transport.network.MailslotDatagram;
import dev.mailslot.transport.network.MailslotDatagramCodec;
import dev.mailslot.transport.network.NetbiosName;

/**
 * Encoding and decoding one remote mailslot write of 64 bytes.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CodecBenchmark {

	private MailslotDatagram datagram;

	private byte[] encoded;

	@Setup
	public void prepare() {
		this.datagram = new MailslotDatagram(DatagramType.DIRECT_UNIQUE, MailslotDatagram.FIRST, 1, 0x7F000001, 138,
				NetbiosName.of("JAVAHOST", 0), NetbiosName.of("TARGET", 0), MailslotDatagram.TransactionFields.DEFAULTS,
				"\\MAILSLOT\\benchmark", new byte[64]);
		this.encoded = MailslotDatagramCodec.encode(this.datagram);
	}

	@Benchmark
	public byte[] encode() {
		return MailslotDatagramCodec.encode(this.datagram);
	}

	@Benchmark
	public DecodeResult decode() {
		return MailslotDatagramCodec.decode(this.encoded, this.encoded.length);
	}

}

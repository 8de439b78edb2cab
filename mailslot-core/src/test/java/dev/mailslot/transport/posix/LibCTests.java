package dev.mailslot.transport.posix;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The choice of binding, and each binding available on this runtime making the calls the
 * transport makes, on real message queues: results, {@code errno} after a failure, and
 * messages sent from every kind of buffer. CI names the binding it expects in
 * {@code MAILSLOT_EXPECTED_POSIX_BINDING}, so that a build without the Java 22 binding
 * cannot pass for one with it.
 */
@EnabledOnOs(OS.LINUX)
class LibCTests {

	private static final int JAVA = Runtime.version().feature();

	@Test
	void bindingInUseIsTheOneExpected() {
		String expected = System.getenv("MAILSLOT_EXPECTED_POSIX_BINDING");
		if (expected == null) {
			expected = (JAVA >= 22 && foreignBindingBuilt()) ? "ffm" : "jna";
		}
		assertThat(LibC.bindingId()).isEqualTo(expected);
	}

	@Test
	void jnaIsTheDefaultBeforeJava22() {
		assertThat(LibC.binding(null, 21).id()).isEqualTo("jna");
	}

	@Test
	void jnaCanBeAskedForOnAnyVersion() {
		assertThat(LibC.binding("jna", JAVA).id()).isEqualTo("jna");
	}

	@Test
	void unknownBindingIsRefusedNamingTheProperty() {
		assertThatIllegalArgumentException().isThrownBy(() -> LibC.binding("jni", JAVA))
			.withMessageContaining("'jni'")
			.withMessageContaining(LibC.BINDING_PROPERTY)
			.withMessageContaining("use ffm (Java 22 or later) or jna");
	}

	@Test
	void ffmBeforeJava22IsRefusedNamingTheVersion() {
		assertThatIllegalStateException().isThrownBy(() -> LibC.binding("ffm", 21))
			.withMessageContaining("needs Java 22 or later, and this is Java 21");
	}

	@ParameterizedTest
	@MethodSource("bindings")
	void failedCallLeavesItsErrno(PosixCalls calls) {
		assertThat(calls.mqUnlink("/mailslot.libc-tests-none")).isEqualTo(-1);
		assertThat(calls.errno()).isEqualTo(LibC.ENOENT);
		assertThat(calls.mqOpen("/mailslot.libc-tests-none", LibC.O_WRONLY, 0, null)).isEqualTo(-1);
		assertThat(calls.errno()).isEqualTo(LibC.ENOENT);
		assertThat(calls.strerror(LibC.ENOENT)).isEqualTo("No such file or directory");
	}

	@ParameterizedTest
	@MethodSource("bindings")
	void messagesFromEveryKindOfBufferArriveWhole(PosixCalls calls) {
		String queue = "/mailslot.libc-tests-" + calls.id() + "-" + ProcessHandle.current().pid();
		// A binding that sends bytes where they are gets a send buffer too small to copy
		// them into.
		try (NativeMemory attributes = calls.allocate(LibC.MQ_ATTR_SIZE);
				NativeMemory sendBuffer = calls.allocate(calls.copiesSentMessages() ? 128 : 1);
				NativeMemory receiveBuffer = calls.allocate(64);
				NativeMemory past = calls.allocate(LibC.TIMESPEC_SIZE)) {
			attributes.clear();
			attributes.setLong(LibC.MQ_ATTR_MAXMSG, 8);
			attributes.setLong(LibC.MQ_ATTR_MSGSIZE, 64);
			past.clear();
			int mqd = calls.mqOpen(queue, LibC.O_RDWR | LibC.O_CREAT | LibC.O_EXCL | LibC.O_NONBLOCK, 0600, attributes);
			assertThat(mqd).as("mq_open: errno %d", calls.errno()).isNotNegative();
			try {
				List<ByteBuffer> messages = messages();
				for (ByteBuffer message : messages) {
					int position = message.position();
					assertThat(calls.mqSend(mqd, message, sendBuffer)).isZero();
					assertThat(message.position()).isEqualTo(position);
				}
				assertThat(calls.mqGetattr(mqd, attributes)).isZero();
				assertThat(attributes.getLong(LibC.MQ_ATTR_CURMSGS)).isEqualTo(messages.size());
				for (ByteBuffer message : messages) {
					long size = calls.mqTimedreceive(mqd, receiveBuffer, receiveBuffer.size(), past);
					assertThat(size).isEqualTo(message.remaining());
					assertThat(ByteBuffer.wrap(receiveBuffer.getBytes(0, (int) size))).isEqualTo(message);
				}
				assertThat(calls.mqTimedreceive(mqd, receiveBuffer, receiveBuffer.size(), past)).isEqualTo(-1);
				assertThat(calls.errno()).isEqualTo(LibC.EAGAIN);
				assertThat(calls.mqSend(mqd, ByteBuffer.allocate(65), sendBuffer)).isEqualTo(-1);
				assertThat(calls.errno()).isEqualTo(LibC.EMSGSIZE);
			}
			finally {
				assertThat(calls.mqUnlink(queue)).isZero();
				assertThat(calls.mqClose(mqd)).isZero();
			}
		}
	}

	private static List<ByteBuffer> messages() {
		byte[] text = "A message in the heap".getBytes(StandardCharsets.US_ASCII);
		ByteBuffer direct = ByteBuffer.allocateDirect(40);
		direct.put("..a direct message".getBytes(StandardCharsets.US_ASCII)).flip().position(2);
		return List.of(ByteBuffer.wrap(text), ByteBuffer.wrap(text, 2, 7).slice(), ByteBuffer.wrap(text, 10, 4),
				ByteBuffer.wrap(text).asReadOnlyBuffer(), direct, ByteBuffer.allocate(0));
	}

	static List<PosixCalls> bindings() {
		List<PosixCalls> bindings = new ArrayList<>();
		bindings.add(LibC.binding("jna", JAVA));
		if (JAVA >= 22 && foreignBindingBuilt()) {
			bindings.add(LibC.binding("ffm", JAVA));
		}
		return bindings;
	}

	private static boolean foreignBindingBuilt() {
		try {
			Class.forName(LibC.FOREIGN_BINDING, false, LibCTests.class.getClassLoader());
			return true;
		}
		catch (ClassNotFoundException ex) {
			return false;
		}
	}

}

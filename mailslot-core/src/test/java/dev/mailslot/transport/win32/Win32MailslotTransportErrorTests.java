package dev.mailslot.transport.win32;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.mailslot.InvalidMailslotNameException;
import dev.mailslot.MailslotClient;
import dev.mailslot.MailslotException;
import dev.mailslot.MailslotName;
import dev.mailslot.MailslotNameInUseException;
import dev.mailslot.MailslotServerOptions;
import dev.mailslot.MessageTooLargeException;
import dev.mailslot.NoSuchMailslotException;
import dev.mailslot.SystemLimitException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * How Win32 error codes become the API's exceptions, with codes scripted where Wine never
 * returns them, and how the client guards what Windows would refuse.
 */
class Win32MailslotTransportErrorTests {

	private final MailslotName name = MailslotName.parse("\\\\.\\mailslot\\scripted");

	private final MailslotName remote = MailslotName.parse("\\\\HOST\\mailslot\\scripted");

	private final MailslotName domain = MailslotName.parse("\\\\*\\mailslot\\scripted");

	private static Win32MailslotTransport transport(ScriptedWin32Api api) {
		return new Win32MailslotTransport(api);
	}

	@Test
	void createFailuresMapToTheirMeaning() {
		assertThatExceptionOfType(MailslotNameInUseException.class)
			.isThrownBy(() -> create(new ScriptedWin32Api().fail("CreateMailslot", 183)))
			.withMessageContaining("Win32 error 183: text of 183")
			.satisfies((ex) -> assertThat(ex.getNativeErrorCode()).hasValue(183));
		assertThatExceptionOfType(InvalidMailslotNameException.class)
			.isThrownBy(() -> create(new ScriptedWin32Api().fail("CreateMailslot", 123)));
		assertThatExceptionOfType(SystemLimitException.class)
			.isThrownBy(() -> create(new ScriptedWin32Api().fail("CreateMailslot", 1450)))
			.withMessageContaining("Close other mailslots");
		assertThatExceptionOfType(MailslotException.class)
			.isThrownBy(() -> create(new ScriptedWin32Api().fail("CreateMailslot", 5)))
			.withMessageContaining("access denied");
	}

	private void create(ScriptedWin32Api api) {
		transport(api).createServer(MailslotServerOptions.builder(this.name).build());
	}

	@Test
	void openFailuresMapToTheirMeaning() {
		assertThatExceptionOfType(NoSuchMailslotException.class)
			.isThrownBy(() -> transport(new ScriptedWin32Api().fail("CreateFile", 2)).openClient(this.name))
			.withMessageContaining("start its server first");
		assertThatExceptionOfType(NoSuchMailslotException.class)
			.isThrownBy(() -> transport(new ScriptedWin32Api().fail("CreateFile", 53)).openClient(this.remote))
			.withMessageContaining("'HOST' cannot be resolved or reached");
	}

	@Test
	void aLocalWriteOverTheMaximumSizeIsTooLarge() {
		MailslotClient client = transport(new ScriptedWin32Api().fail("WriteFile", 87)).openClient(this.name);
		assertThatExceptionOfType(MessageTooLargeException.class).isThrownBy(() -> client.write(new byte[17]))
			.withMessageContaining("refused a message of 17 bytes, larger than its maximum message size")
			.withMessageContaining("max-message-size")
			.satisfies((ex) -> {
				assertThat(ex.getMessageSize()).isEqualTo(17);
				assertThat(ex.getMaxMessageSize()).isEqualTo(-1);
				assertThat(ex.getNativeErrorCode()).hasValue(87);
			});
	}

	@ParameterizedTest
	@ValueSource(ints = { 2, 6, 31, 38, 109, 233 })
	void aWriteAfterTheServerClosedFindsNoMailslot(int code) {
		MailslotClient client = transport(new ScriptedWin32Api().fail("WriteFile", code)).openClient(this.name);
		assertThatExceptionOfType(NoSuchMailslotException.class).isThrownBy(() -> client.write(new byte[1]))
			.withMessageContaining("was closed by its server; nothing was sent")
			.satisfies((ex) -> assertThat(ex.getNativeErrorCode()).hasValue(code));
	}

	@Test
	void otherWriteFailuresCarryTheirCode() {
		MailslotClient client = transport(new ScriptedWin32Api().fail("WriteFile", 87)).openClient(this.remote);
		assertThatExceptionOfType(MailslotException.class).isThrownBy(() -> client.write(new byte[17]))
			.isNotInstanceOf(MessageTooLargeException.class)
			.withMessageContaining("Cannot write 17 bytes to mailslot \\\\HOST\\mailslot\\scripted");
	}

	@Test
	void remoteMailslotsTurnedOffSayHowToTurnThemOn() {
		assertThatExceptionOfType(MailslotException.class)
			.isThrownBy(() -> transport(new ScriptedWin32Api().fail("CreateFile", 3025)).openClient(this.remote))
			.withMessageContaining("remote mailslots are turned off")
			.withMessageContaining("Set-SmbClientConfiguration -EnableMailslots $true")
			.withMessageContaining("Enable remote mailslots")
			.withMessageContaining("Set-SmbServerConfiguration -EnableMailslots $true")
			.satisfies((ex) -> assertThat(ex.getNativeErrorCode()).hasValue(3025));
		MailslotClient client = transport(new ScriptedWin32Api().fail("WriteFile", 3025)).openClient(this.remote);
		assertThatExceptionOfType(MailslotException.class).isThrownBy(() -> client.write(new byte[1]))
			.withMessageContaining("Set-SmbClientConfiguration -EnableMailslots $true");
	}

	@Test
	void overBroadcastLimitToThePrimaryDomainIsRefusedBeforeWriting() {
		ScriptedWin32Api api = new ScriptedWin32Api();
		MailslotClient client = transport(api).openClient(this.domain);
		assertThatExceptionOfType(MessageTooLargeException.class).isThrownBy(() -> client.write(new byte[425]))
			.withMessageContaining("424 bytes");
		assertThat(api.calls).doesNotContain("WriteFile");
		client.write(new byte[424]);
		assertThat(api.calls).contains("WriteFile");
	}

	@Test
	void overTheLimitBetweenComputersToAHostOrNamedDomainIsRefusedBeforeWriting() {
		ScriptedWin32Api api = new ScriptedWin32Api();
		MailslotClient client = transport(api).openClient(this.remote);
		assertThatExceptionOfType(MessageTooLargeException.class).isThrownBy(() -> client.write(new byte[500]))
			.withMessageContaining("larger than the 424 bytes Windows sends between computers")
			.satisfies((ex) -> assertThat(ex.getMaxMessageSize()).isEqualTo(424L));
		assertThat(api.calls).doesNotContain("WriteFile");
		client.write(new byte[424]);
		assertThat(api.calls).contains("WriteFile");
	}

	@Test
	void anUnreachableHostOrDomainIsNoSuchMailslot() {
		MailslotClient client = transport(new ScriptedWin32Api().fail("WriteFile", 53)).openClient(this.remote);
		assertThatExceptionOfType(NoSuchMailslotException.class).isThrownBy(() -> client.write(new byte[100]))
			.withMessageContaining("the host or domain cannot be reached");
	}

	@Test
	void invalidSddlIsRefusedNamingIt() {
		ScriptedWin32Api api = new ScriptedWin32Api().fail("ConvertStringSecurityDescriptorToSecurityDescriptor", 1336);
		assertThatExceptionOfType(MailslotException.class)
			.isThrownBy(() -> transport(api)
				.createServer(MailslotServerOptions.builder(this.name).securityDescriptor("D:(X;;;)").build()))
			.withMessageContaining("'D:(X;;;)' of mailslot \\\\.\\mailslot\\scripted is not valid SDDL")
			.withMessageContaining("Win32 error 1336");
		assertThat(api.calls).doesNotContain("CreateMailslot");
	}

	@Test
	void noAccessControlIsRefusedBeforeConversion() {
		ScriptedWin32Api api = new ScriptedWin32Api();
		assertThatExceptionOfType(MailslotException.class)
			.isThrownBy(() -> transport(api).createServer(
					MailslotServerOptions.builder(this.name).securityDescriptor("D:no_access_control").build()))
			.withMessageContaining("NULL DACL");
		assertThat(api.calls).isEmpty();
	}

	@Test
	void aNullDaclIsNeverBuilt() {
		ScriptedWin32Api api = new ScriptedWin32Api();
		api.nullDacl = true;
		assertThatExceptionOfType(MailslotException.class)
			.isThrownBy(() -> transport(api)
				.createServer(MailslotServerOptions.builder(this.name).securityDescriptor("O:SY").build()))
			.withMessageContaining("NULL DACL, which lets everyone in; refused");
		assertThat(api.calls).doesNotContain("CreateMailslot").contains("LocalFree");
	}

	@Test
	void theDescriptorIsFreedAfterCreate() {
		ScriptedWin32Api api = new ScriptedWin32Api();
		transport(api).createServer(MailslotServerOptions.builder(this.name)
			.securityDescriptor("D:(A;;GA;;;OW)")
			.inheritHandle(true)
			.build());
		assertThat(api.lastSddl).isEqualTo("D:(A;;GA;;;OW)");
		assertThat(api.calls).containsSubsequence("CreateMailslot", "SetHandleInformation", "LocalFree");
	}

}

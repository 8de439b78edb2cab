package dev.mailslot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link MailslotName}.
 */
class MailslotNameTests {

	@Test
	void parsesTheLocalForm() {
		MailslotName name = MailslotName.parse("\\\\.\\mailslot\\sample_mailslot");
		assertThat(name.host()).isEqualTo(".");
		assertThat(name.path()).isEqualTo("sample_mailslot");
		assertThat(name.scope()).isEqualTo(MailslotName.Scope.LOCAL);
		assertThat(name.isLocal()).isTrue();
		assertThat(name).hasToString("\\\\.\\mailslot\\sample_mailslot");
	}

	@Test
	void parsesPseudoDirectories() {
		MailslotName name = MailslotName.parse("\\\\.\\mailslot\\abc\\def\\ghi");
		assertThat(name.path()).isEqualTo("abc\\def\\ghi");
	}

	@Test
	void bareNameIsTheLocalForm() {
		assertThat(MailslotName.parse("orders")).isEqualTo(MailslotName.parse("\\\\.\\mailslot\\orders"));
		assertThat(MailslotName.parse("app\\orders")).hasToString("\\\\.\\mailslot\\app\\orders");
		assertThat(MailslotName.local("app\\orders")).isEqualTo(MailslotName.parse("app\\orders"));
	}

	@ParameterizedTest
	@CsvSource({ "'\\\\HOST\\mailslot\\x', HOST, REMOTE", "'\\\\WORKGROUP\\mailslot\\a\\b', WORKGROUP, REMOTE",
			"'\\\\*\\mailslot\\x', *, PRIMARY_DOMAIN", "'\\\\host.example\\mailslot\\x', host.example, REMOTE" })
	void parsesClientForms(String text, String host, MailslotName.Scope scope) {
		MailslotName name = MailslotName.parse(text);
		assertThat(name.host()).isEqualTo(host);
		assertThat(name.scope()).isEqualTo(scope);
		assertThat(name.isLocal()).isFalse();
		assertThat(name).hasToString(text);
	}

	@Test
	void unpairedSurrogatesAreRefusedNamingThem() {
		assertThatExceptionOfType(InvalidMailslotNameException.class)
			.isThrownBy(() -> MailslotName.parse("\\\\.\\mailslot\\x_\uD800"))
			.withMessageContaining("unpaired surrogate U+D800");
		assertThatExceptionOfType(InvalidMailslotNameException.class)
			.isThrownBy(() -> MailslotName.parse("\\\\.\\mailslot\\x_\uDC00y"))
			.withMessageContaining("unpaired surrogate U+DC00");
		assertThatExceptionOfType(InvalidMailslotNameException.class)
			.isThrownBy(() -> MailslotName.parse("\\\\host\uD800\\mailslot\\x"))
			.withMessageContaining("U+D800");
		assertThat(MailslotName.parse("\\\\.\\mailslot\\x_\uD83D\uDE00").path()).isEqualTo("x_\uD83D\uDE00");
	}

	@Test
	void comparesIgnoringCase() {
		MailslotName name = MailslotName.parse("\\\\.\\mailslot\\Abc\\Def");
		MailslotName other = MailslotName.parse("\\\\.\\MAILSLOT\\abc\\DEF");
		assertThat(name).isEqualTo(other).hasSameHashCodeAs(other);
		assertThat(name.canonicalPath()).isEqualTo("abc\\def");
		assertThat(name.path()).isEqualTo("Abc\\Def");
		assertThat(MailslotName.parse("\\\\Host\\mailslot\\x")).isEqualTo(MailslotName.parse("\\\\HOST\\mailslot\\X"));
		assertThat(MailslotName.parse("\\\\.\\mailslot\\x")).isNotEqualTo(MailslotName.parse("\\\\HOST\\mailslot\\x"));
		assertThat(MailslotName.parse("x")).isNotEqualTo(MailslotName.parse("y"));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "'' | must not be empty", "'   ' | must not be empty", "\\mailslot\\x | must start with two",
					"\\\\.\\pipe\\x | expected 'mailslot' after the host '\\\\.\\' but found 'pipe'",
					"\\\\. | has a host part but no", "\\\\.\\mailslot | name below \\mailslot\\ is missing",
					"\\\\.\\mailslot\\ | name below \\mailslot\\ is missing", "\\\\\\mailslot\\x | host part between",
					"\\\\.\\mailslot\\a\\\\b | has an empty part", "\\\\.\\mailslot\\a\\ | has an empty part",
					"\\\\.\\mailslot\\a\\..\\b | has the part '..'",
					"\\\\.\\mailslot\\a*b | the part 'a*b' of the path contains '*'",
					"\\\\.\\mailslot\\a/b | separate parts with '\\'", "\\\\.\\mailslot\\a:b | contains ':'",
					"\\\\.\\mailslot\\orders. | ends with '.', which Windows strips",
					"\\\\.\\mailslot\\app.\\orders | the part 'app.' of the path ends with '.'",
					"'\\\\.\\mailslot\\orders ' | same mailslot as 'orders'",
					"\\\\ho st\\mailslot\\x | the host part 'ho st' contains the character U+0020",
					"\\\\a?b\\mailslot\\x | the host part 'a?b' contains '?'" })
	void rejectsBadNamesNamingTheBadPart(String text, String reason) {
		assertThatExceptionOfType(InvalidMailslotNameException.class).isThrownBy(() -> MailslotName.parse(text))
			.withMessageStartingWith("Invalid mailslot name '" + text + "': ")
			.withMessageContaining(reason)
			.satisfies((ex) -> assertThat(ex.getName()).isEqualTo(text));
	}

	@Test
	void rejectsControlCharacters() {
		assertThatExceptionOfType(InvalidMailslotNameException.class)
			.isThrownBy(() -> MailslotName.parse("\\\\.\\mailslot\\a\u0001b"))
			.withMessageContaining("U+0001");
	}

	@Test
	void rejectsNamesLongerThanWindowsAllows() {
		String longest = "x".repeat(MailslotName.MAX_LENGTH - "\\\\.\\mailslot\\".length());
		assertThat(MailslotName.local(longest).toString()).hasSize(MailslotName.MAX_LENGTH);
		assertThatExceptionOfType(InvalidMailslotNameException.class)
			.isThrownBy(() -> MailslotName.local(longest + "x"))
			.withMessageContaining("260 characters, more than the 259");
	}

}

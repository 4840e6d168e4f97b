package app.backcoach.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import app.backcoach.chat.Incoming;
import app.backcoach.chat.Incoming.Chat;
import app.backcoach.chat.Incoming.ChatKind;
import app.backcoach.chat.Incoming.Person;
import app.backcoach.intake.InboundUpdate;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.telegram.telegrambots.meta.api.objects.Update;

class TelegramUpdatesTest {

    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final TelegramUpdates updates = new TelegramUpdates(JSON);

    @ParameterizedTest(name = "{0} -> /{1} [{2}]")
    @CsvSource(delimiter = '|', value = {
            "/start                          | start   | ''",
            "/Start@back_coach_bot clinic-7  | start   | clinic-7",
            "/pause   3d                     | pause   | 3d",
            "/help@back_coach_bot            | help    | ''",
            "/travel hotel room              | travel  | hotel room"})
    void readsCommandsWithBotSuffixAndArguments(String text, String name, String arguments) {
        Incoming incoming = updates.decode(message(5, "private", text, true));

        assertThat(incoming).isEqualTo(new Incoming.CommandMessage(
                new Chat(5, ChatKind.PRIVATE), new Person(5, "de"), name, arguments));
    }

    @Test
    void plainTextIsText() {
        assertThat(updates.decode(message(5, "private", "my back hurts <a lot>", false)))
                .isEqualTo(new Incoming.TextMessage(new Chat(5, ChatKind.PRIVATE), new Person(5, "de"), "my back hurts <a lot>"));
    }

    @Test
    void groupsAndChannelsAreTold() {
        assertThat(updates.decode(message(-100, "supergroup", "/start", true)).chat())
                .isEqualTo(new Chat(-100, ChatKind.GROUP));
        assertThat(updates.decode(message(-200, "channel", "hello", false)).chat().kind())
                .isEqualTo(ChatKind.CHANNEL);
    }

    @Test
    void aStickerIsAnOtherMessage() {
        String sticker = """
                {"update_id": 11, "message": {"message_id": 3, "date": 1, "chat": {"id": 5, "type": "private"},
                 "from": {"id": 5, "is_bot": false, "first_name": "A"},
                 "sticker": {"file_id": "f", "file_unique_id": "u", "type": "regular", "width": 1, "height": 1,
                             "is_animated": false, "is_video": false}}}""";

        assertThat(updates.decode(sticker)).isInstanceOf(Incoming.OtherMessage.class)
                .extracting(i -> ((Incoming.OtherMessage) i).kind()).isEqualTo("sticker");
    }

    @Test
    void aLocationIsALocation() {
        String location = """
                {"update_id": 15, "message": {"message_id": 4, "date": 1, "chat": {"id": 5, "type": "private"},
                 "from": {"id": 5, "is_bot": false, "first_name": "A"},
                 "location": {"latitude": 48.2, "longitude": 16.37}}}""";

        assertThat(updates.decode(location)).isEqualTo(new Incoming.LocationShared(
                new Chat(5, ChatKind.PRIVATE), new Person(5, null), 48.2, 16.37));
    }

    @Test
    void aTapCarriesItsDataAndMessage() {
        String tap = """
                {"update_id": 12, "callback_query": {"id": "cb1", "chat_instance": "x", "data": "ci:pain:3",
                 "from": {"id": 5, "is_bot": false, "first_name": "A", "language_code": "en"},
                 "message": {"message_id": 77, "date": 1, "chat": {"id": 5, "type": "private"}}}}""";

        assertThat(updates.decode(tap)).isEqualTo(new Incoming.ButtonTap(
                new Chat(5, ChatKind.PRIVATE), new Person(5, "en"), "cb1", 77L, "ci:pain:3"));
        assertThat(TelegramUpdates.laneOf(parse(tap))).isEqualTo(5);
    }

    @ParameterizedTest
    @CsvSource({"kicked, true", "left, true", "member, false"})
    void membershipChangesTellBlockedFromBack(String status, boolean blocked) {
        String change = """
                {"update_id": 13, "my_chat_member": {"date": 1, "chat": {"id": 5, "type": "private"},
                 "from": {"id": 5, "is_bot": false, "first_name": "A"},
                 "old_chat_member": {"status": "member", "user": {"id": 1, "is_bot": true, "first_name": "B"}},
                 "new_chat_member": {"status": "%s", "user": {"id": 1, "is_bot": true, "first_name": "B"}%s}}}"""
                .formatted(status, status.equals("kicked") ? ", \"until_date\": 0" : "");

        assertThat(updates.decode(change)).isEqualTo(new Incoming.MembershipChange(
                new Chat(5, ChatKind.PRIVATE), new Person(5, null), blocked));
    }

    @Test
    void editsAreLeftAlone() {
        String edit = """
                {"update_id": 14, "edited_message": {"message_id": 3, "date": 1, "edit_date": 2,
                 "chat": {"id": 5, "type": "private"}, "from": {"id": 5, "is_bot": false, "first_name": "A"},
                 "text": "/start"}}""";

        assertThat(updates.decode(edit)).isInstanceOf(Incoming.Ignored.class);
        assertThat(updates.decode(edit).chat().id()).isEqualTo(5);
    }

    @Test
    void storedPayloadRoundTrips() {
        Update update = parse(message(9, "private", "/help", true));

        InboundUpdate inbound = updates.toInbound(update);

        assertThat(inbound.updateId()).isEqualTo(10);
        assertThat(inbound.chatId()).isEqualTo(9);
        assertThat(updates.decode(inbound.payload())).isInstanceOf(Incoming.CommandMessage.class);
    }

    /** The handler may use what arrival decoded instead of the stored payload: the two must never differ. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"update_id\": 20, \"message\": {\"message_id\": 3, \"date\": 1, \"chat\": {\"id\": 5, \"type\": \"private\"}, \"from\": {\"id\": 5, \"is_bot\": false, \"first_name\": \"A\", \"language_code\": \"de\"}, \"text\": \"/travel@back_coach_bot  hotel <room> & gate\"}}",
            "{\"update_id\": 21, \"message\": {\"message_id\": 3, \"date\": 1, \"chat\": {\"id\": 5, \"type\": \"private\"}, \"from\": {\"id\": 5, \"is_bot\": false, \"first_name\": \"A\"}, \"text\": \"Rücken \\\"tut\\\" weh 😣\"}}",
            "{\"update_id\": 22, \"callback_query\": {\"id\": \"cb1\", \"chat_instance\": \"x\", \"data\": \"ci:pain:3\", \"from\": {\"id\": 5, \"is_bot\": false, \"first_name\": \"A\", \"language_code\": \"en\"}, \"message\": {\"message_id\": 77, \"date\": 1, \"chat\": {\"id\": 5, \"type\": \"private\"}}}}",
            "{\"update_id\": 23, \"message\": {\"message_id\": 4, \"date\": 1, \"chat\": {\"id\": 5, \"type\": \"private\"}, \"from\": {\"id\": 5, \"is_bot\": false, \"first_name\": \"A\"}, \"location\": {\"latitude\": 48.2, \"longitude\": 16.37}}}",
            "{\"update_id\": 24, \"message\": {\"message_id\": 4, \"date\": 1, \"chat\": {\"id\": 5, \"type\": \"private\"}, \"text\": \"no sender\"}}",
            "{\"update_id\": 25, \"edited_message\": {\"message_id\": 3, \"date\": 1, \"edit_date\": 2, \"chat\": {\"id\": 5, \"type\": \"private\"}, \"from\": {\"id\": 5, \"is_bot\": false, \"first_name\": \"A\"}, \"text\": \"/start\"}}",
            "{\"update_id\": 26, \"my_chat_member\": {\"date\": 1, \"chat\": {\"id\": -9, \"type\": \"group\"}, \"from\": {\"id\": 5, \"is_bot\": false, \"first_name\": \"A\"}, \"old_chat_member\": {\"status\": \"member\", \"user\": {\"id\": 1, \"is_bot\": true, \"first_name\": \"B\"}}, \"new_chat_member\": {\"status\": \"left\", \"user\": {\"id\": 1, \"is_bot\": true, \"first_name\": \"B\"}}}}",
            "{\"update_id\": 27, \"callback_query\": {\"id\": \"cb2\", \"chat_instance\": \"x\", \"data\": \"x\"}}"})
    void whatArrivalDecodesIsWhatTheStoredPayloadDecodesTo(String json) {
        InboundUpdate inbound = updates.toInbound(parse(json));

        assertThat(inbound.decoded()).isNotNull().isEqualTo(updates.decode(inbound.payload()));
    }

    private static Update parse(String json) {
        try {
            return JSON.readValue(json, Update.class);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String message(long chatId, String type, String text, boolean command) {
        String entities = command
                ? ", \"entities\": [{\"type\": \"bot_command\", \"offset\": 0, \"length\": " + text.split(" ")[0].length() + "}]"
                : "";
        return """
                {"update_id": 10, "message": {"message_id": 3, "date": 1, "chat": {"id": %d, "type": "%s"},
                 "from": {"id": 5, "is_bot": false, "first_name": "A", "language_code": "de"},
                 "text": "%s"%s}}""".formatted(chatId, type, text.replace("\"", "\\\""), entities);
    }
}

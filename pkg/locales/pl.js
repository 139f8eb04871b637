// Polish: the messages of errors and the words of frequency descriptions.
import messages from "./messages/pl.js";
import frequency from "./frequency/pl.js";

export default { locale: "pl", messages, frequency };

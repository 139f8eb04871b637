// Polish: the messages of errors.
import messages from "./messages/pl.js";

export default { locale: "pl", messages };

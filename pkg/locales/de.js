// German: the messages of errors.
import messages from "./messages/de.js";

export default { locale: "de", messages };

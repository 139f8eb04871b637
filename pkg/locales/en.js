// English: the messages of errors.
import messages from "./messages/en.js";

export default { locale: "en", messages };

// Portuguese: the messages of errors.
import messages from "./messages/pt.js";

export default { locale: "pt", messages };

// Italian: the messages of errors.
import messages from "./messages/it.js";

export default { locale: "it", messages };

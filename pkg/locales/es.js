// Spanish: the messages of errors.
import messages from "./messages/es.js";

export default { locale: "es", messages };
